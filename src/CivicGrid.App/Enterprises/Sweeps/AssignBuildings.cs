using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>
/// Gives office buildings to a runner (named by user name) to sweep from a day (today when not given). A building
/// another runner sweeps is handed over: their assignment ends the day before.
/// </summary>
public sealed record AssignBuildings(string? Runner, IReadOnlyList<int>? BuildingIds, DateOnly? Since = null);

public sealed class AssignBuildingsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<IReadOnlyList<AssignmentRow>>> HandleAsync(AssignBuildings command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.KeepEnterpriseLists))
        {
            return Outcome<IReadOnlyList<AssignmentRow>>.Forbidden(SweepScope.Refusal);
        }
        var runner = await SweepScope.Runners(db).AsNoTracking().FirstOrDefaultAsync(u => u.UserName == command.Runner, ct);
        if (runner is null)
        {
            return Outcome<IReadOnlyList<AssignmentRow>>.Invalid("runner", "找不到该助跑员，或其不在您的管辖范围内");
        }
        var ids = (command.BuildingIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Outcome<IReadOnlyList<AssignmentRow>>.Invalid("buildingIds", "请选择要分配的楼宇");
        }
        var buildings = await SweepScope.Offices(db).Where(b => ids.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct);
        if (buildings.Count != ids.Count)
        {
            return Outcome<IReadOnlyList<AssignmentRow>>.Invalid("buildingIds", "所选楼宇不是您管辖范围内商务社区的楼宇");
        }
        var since = command.Since ?? db.Clock.Today();
        var added = await AssignAsync(runner.Id, ids, since, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<AssignmentRow>>.Ok(added.Select(a => new AssignmentRow(a.Id, runner.UserName!, runner.DisplayName, a.BuildingId, a.Since, a.Until)).ToList());
    }

    /// <summary>Tracks the new assignments and ends the ones they take over; the caller saves.</summary>
    public async Task<List<RunnerAssignment>> AssignAsync(string runnerId, IReadOnlyList<int> buildingIds, DateOnly since, CancellationToken ct)
    {
        var current = await db.RunnerAssignments.Where(a => buildingIds.Contains(a.BuildingId) && (a.Until == null || a.Until >= since)).ToListAsync(ct);
        var added = new List<RunnerAssignment>();
        foreach (var building in buildingIds)
        {
            if (current.Any(a => a.BuildingId == building && a.RunnerId == runnerId && a.Since <= since))
            {
                continue;
            }
            foreach (var other in current.Where(a => a.BuildingId == building))
            {
                End(other, since);
            }
            var assignment = new RunnerAssignment { RunnerId = runnerId, BuildingId = building, Since = since };
            db.RunnerAssignments.Add(assignment);
            added.Add(assignment);
        }
        return added;
    }

    /// <summary>Ends an assignment before <paramref name="day"/>; one that would not have begun by then is removed.</summary>
    internal void End(RunnerAssignment assignment, DateOnly day)
    {
        if (assignment.Since >= day)
        {
            db.RunnerAssignments.Remove(assignment);
        }
        else
        {
            assignment.Until = day.AddDays(-1);
        }
    }
}

/// <summary>A runner's building as lists and assignments return it.</summary>
public sealed record AssignmentRow(int Id, string Runner, string RunnerName, int BuildingId, DateOnly Since, DateOnly? Until);
