using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>Confirms a match of a need with an offer (确认对接), holding its places or, on a credit line, the amount.</summary>
/// <param name="Amount">On a credit line, an amount smaller than the need asked for; null holds what it asked.</param>
public sealed record ConfirmMatch(int NeedId, int OfferId, Money? Amount = null, string? Note = null);

public sealed class ConfirmMatchHandler(NeedMover mover, CivicGridDbContext db)
{
    public Task<Outcome<NeedRow>> HandleAsync(ConfirmMatch command, CancellationToken ct) =>
        mover.MoveAsync(command.NeedId, command.OfferId,
            new NeedCommand(NeedAction.Match, db.Jurisdiction.ActorName, command.Note) { Amount = command.Amount }, ct);
}
