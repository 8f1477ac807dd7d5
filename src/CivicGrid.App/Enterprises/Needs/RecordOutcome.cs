using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>Records how a matched or escalated need came out (登记办理结果); on a credit line, the loan granted.</summary>
public sealed record RecordOutcome(int NeedId, NeedOutcome? Outcome, string? Note, Money? Granted = null);

public sealed class RecordOutcomeHandler(NeedMover mover, CivicGridDbContext db)
{
    public Task<Outcome<NeedRow>> HandleAsync(RecordOutcome command, CancellationToken ct) =>
        mover.MoveAsync(command.NeedId, null,
            new NeedCommand(NeedAction.RecordOutcome, db.Jurisdiction.ActorName, command.Note) { Outcome = command.Outcome, Granted = command.Granted }, ct);
}
