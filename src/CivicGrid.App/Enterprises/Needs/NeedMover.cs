using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>
/// The one way a need is moved: loads the need through the jurisdiction filter with the offer the move touches and
/// the enterprise, lets <see cref="EnterpriseNeed.Apply"/> judge the move, and saves the need, its timeline entry and
/// the offer's capacity together. Both rows carry their version, so when two moves race for the same offer's last
/// place or amount one save fails and nothing of it is stored.
/// </summary>
public sealed class NeedMover(CivicGridDbContext db)
{
    public const string Conflict = "该需求或资源刚被他人更新（名额或额度可能已被占用），本次操作未保存，请刷新后重试";

    /// <param name="offerId">The offer to match to; other moves use the offer the need holds.</param>
    public async Task<Outcome<NeedRow>> MoveAsync(int needId, int? offerId, NeedCommand command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(command.Action))
        {
            return Outcome<NeedRow>.Forbidden(NeedPermissions.Refusal);
        }
        var need = await db.EnterpriseNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null)
        {
            return Outcome<NeedRow>.NotFound();
        }
        var offers = command.Action == NeedAction.Match ? OffersInScope.Of(db) : db.CommunityOffers;
        var offerToLoad = command.Action == NeedAction.Match ? offerId : need.OfferId;
        var offer = offerToLoad is { } id ? await offers.FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (command.Action == NeedAction.Match && offer is null)
        {
            return Outcome<NeedRow>.Invalid("offerId", "找不到该资源，或该资源不在您的管辖范围内");
        }
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == need.EnterpriseId, ct);
        var refusal = need.Apply(command, new NeedContext(db.Clock.GetUtcNow().UtcDateTime, offer, enterprise));
        if (refusal is not null)
        {
            return Outcome<NeedRow>.Invalid("", refusal);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<NeedRow>.Invalid("", Conflict);
        }
        return Outcome<NeedRow>.Ok(NeedRow.From(need));
    }
}
