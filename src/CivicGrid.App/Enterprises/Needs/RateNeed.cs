using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>The enterprise's rating of a resolved need (企业评价).</summary>
public sealed record RateNeed(int NeedId, NeedRating? Rating, string? Comment = null);

public sealed class RateNeedHandler(NeedMover mover, CivicGridDbContext db)
{
    public Task<Outcome<NeedRow>> HandleAsync(RateNeed command, CancellationToken ct) =>
        mover.MoveAsync(command.NeedId, null,
            new NeedCommand(NeedAction.Rate, db.Jurisdiction.ActorName, command.Comment) { Rating = command.Rating }, ct);
}
