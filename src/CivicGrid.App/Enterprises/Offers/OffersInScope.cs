using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.App.Enterprises.Offers;

public static class OffersInScope
{
    /// <summary>Offers open to the whole district, and those kept by a business community the actor's jurisdiction reaches.</summary>
    public static IQueryable<CommunityOffer> Of(CivicGridDbContext db) =>
        db.CommunityOffers.Where(o => o.BusinessCommunityId == null || db.BusinessCommunities.Any(c => c.Id == o.BusinessCommunityId));
}
