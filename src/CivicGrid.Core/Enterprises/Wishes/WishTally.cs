namespace CivicGrid.Core.Enterprises.Wishes;

/// <summary>How many wishes of one theme a place holds: a building, or a business community when rolled up.</summary>
public sealed record WishCount(int PlaceId, string ThemeCode, int Count);

/// <summary>Counts employees' wishes per building and theme, and rolls the counts up to business communities.</summary>
public static class WishTally
{
    public static IReadOnlyList<WishCount> PerBuilding(IEnumerable<EmployeeWish> wishes) =>
        Order(wishes.GroupBy(w => (w.BuildingId, w.ThemeCode)).Select(g => new WishCount(g.Key.BuildingId, g.Key.ThemeCode, g.Count())));

    /// <summary>Sums building counts by the business community each building belongs to; buildings in none are left out.</summary>
    public static IReadOnlyList<WishCount> PerBusinessCommunity(IEnumerable<WishCount> perBuilding, IReadOnlyDictionary<int, int> communityOfBuilding) =>
        Order(perBuilding
            .Where(c => communityOfBuilding.ContainsKey(c.PlaceId))
            .GroupBy(c => (Community: communityOfBuilding[c.PlaceId], c.ThemeCode))
            .Select(g => new WishCount(g.Key.Community, g.Key.ThemeCode, g.Sum(c => c.Count))));

    private static List<WishCount> Order(IEnumerable<WishCount> counts) =>
        counts.OrderBy(c => c.PlaceId).ThenByDescending(c => c.Count).ThenBy(c => c.ThemeCode, StringComparer.Ordinal).ToList();
}
