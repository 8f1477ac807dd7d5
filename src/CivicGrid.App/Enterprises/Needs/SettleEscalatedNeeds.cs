using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>
/// Brings the case loop's result back to the needs it was given (办结回填): an escalated need whose case has closed
/// is resolved as met, one whose case was not taken up as not met, so the enterprise can rate it. Runs with the
/// deadline watch, as the system.
/// </summary>
public sealed record SettleEscalatedNeeds(int BatchSize = 200);

public sealed class SettleEscalatedNeedsHandler(CivicGridDbContext db, NeedMover mover)
{
    public async Task<int> HandleAsync(SettleEscalatedNeeds command, CancellationToken ct)
    {
        var done = await db.EnterpriseNeeds.AsNoTracking().Where(n => n.Status == NeedStatus.Escalated)
            .Join(db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Evaluated || c.Status == CaseStatus.Rejected),
                n => n.CaseId, c => (int?)c.Id, (n, c) => new { n.Id, c.Status })
            .OrderBy(x => x.Id).Take(command.BatchSize).ToListAsync(ct);
        var settled = 0;
        foreach (var need in done)
        {
            var outcome = need.Status == CaseStatus.Rejected ? NeedOutcome.NotMet : NeedOutcome.Met;
            var note = need.Status == CaseStatus.Rejected ? "诉求件不予立案" : "诉求件已办结";
            var moved = await mover.MoveAsync(need.Id, null,
                new NeedCommand(NeedAction.RecordOutcome, db.Jurisdiction.ActorName, note) { Outcome = outcome }, ct);
            settled += moved.Kind == OutcomeKind.Ok ? 1 : 0;
        }
        return settled;
    }
}
