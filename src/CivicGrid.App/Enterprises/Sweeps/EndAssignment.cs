using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>Takes a building from its runner as of today; their visits stay in the history.</summary>
public sealed record EndAssignment(int AssignmentId);

public sealed class EndAssignmentHandler(CivicGridDbContext db, AssignBuildingsHandler assign)
{
    public async Task<Outcome<bool>> HandleAsync(EndAssignment command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.KeepEnterpriseLists))
        {
            return Outcome<bool>.Forbidden(SweepScope.Refusal);
        }
        var offices = SweepScope.Offices(db);
        var assignment = await db.RunnerAssignments.FirstOrDefaultAsync(a => a.Id == command.AssignmentId && offices.Any(b => b.Id == a.BuildingId), ct);
        if (assignment is null)
        {
            return Outcome<bool>.NotFound();
        }
        var today = db.Clock.Today();
        if (assignment.Until is { } until && until < today)
        {
            return Outcome<bool>.Invalid("assignmentId", "该楼宇的分配已经结束");
        }
        assign.End(assignment, today);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
