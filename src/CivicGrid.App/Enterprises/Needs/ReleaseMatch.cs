using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>Cancels a match that fell through (取消对接), giving its hold back to the offer; a reason is required.</summary>
public sealed record ReleaseMatch(int NeedId, string? Reason);

public sealed class ReleaseMatchHandler(NeedMover mover, CivicGridDbContext db)
{
    public Task<Outcome<NeedRow>> HandleAsync(ReleaseMatch command, CancellationToken ct) =>
        mover.MoveAsync(command.NeedId, null, new NeedCommand(NeedAction.Release, db.Jurisdiction.ActorName, command.Reason), ct);
}
