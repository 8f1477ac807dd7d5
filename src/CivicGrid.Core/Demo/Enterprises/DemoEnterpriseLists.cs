using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Enterprises.Wishes;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>The demo's three lists, with ids assigned so the caller writes them as they are.</summary>
public sealed record DemoEnterpriseListRows(IReadOnlyList<CommunityOffer> Offers, IReadOnlyList<EnterpriseNeed> Needs, IReadOnlyList<EmployeeWish> Wishes)
{
    public IEnumerable<NeedEvent> Timeline => Needs.SelectMany(n => n.Timeline);
}

/// <summary>The first free id of each table the lists go into.</summary>
public sealed record DemoListIds(int Offer, int Need, long Event, long Wish);

/// <summary>
/// Generates the three lists of the demo's business communities over the district already stored: each community's
/// offers (社区所能), a year of enterprises' needs played through their loop (企业所需) and employees' wishes per office
/// building (职工所盼). Deterministic for a seed and the same stored district; pure, the caller stores.
/// </summary>
public sealed class DemoEnterpriseLists(
    IReadOnlyList<BusinessCommunity> communities, IReadOnlyList<Building> offices, IReadOnlyList<Enterprise> enterprises,
    IReadOnlyList<NeedCategory> categories, IReadOnlyList<WishTheme> themes, int seed = 20261123)
{
    public DemoEnterpriseListRows Generate(int needs, DateTime nowUtc, DemoListIds ids)
    {
        var random = new Random(seed + 21);
        var ordered = communities.OrderBy(c => c.Id).ToList();
        var communityOf = offices.Where(b => b.BusinessCommunityId is not null).ToDictionary(b => b.Id, b => b.BusinessCommunityId!.Value);
        var hubs = offices.Where(b => b.BusinessCommunityId is not null).GroupBy(b => b.BusinessCommunityId!.Value).ToDictionary(g => g.Key, g => g.MinBy(b => b.Id)!);
        var offers = DemoOffers.For(ordered, hubs, random, ids.Offer);
        var placed = enterprises.Where(e => e.BuildingId is { } b && communityOf.ContainsKey(b)).OrderBy(e => e.Id)
            .Select(e => (e, communityOf[e.BuildingId!.Value])).ToList();
        List<EnterpriseNeed> played = placed.Count == 0 ? [] : new DemoNeeds(placed, categories.ToDictionary(c => c.Code), offers, random, nowUtc).Play(needs, ids.Need);
        var eventId = ids.Event;
        foreach (var entry in played.SelectMany(n => n.Timeline))
        {
            entry.Id = eventId++;
        }
        var wishes = DemoWishes.For(offices.Where(b => b.BusinessCommunityId is not null).OrderBy(b => b.Id).ToList(), themes, random, nowUtc, ids.Wish);
        return new DemoEnterpriseListRows(offers, played, wishes);
    }
}
