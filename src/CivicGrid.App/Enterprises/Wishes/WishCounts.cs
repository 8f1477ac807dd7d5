using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Wishes;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Wishes;

/// <summary>How many wishes of each theme the buildings in the jurisdiction hold, and their business communities in all.</summary>
public sealed record WishCounts(int? BusinessCommunityId = null);

public sealed record WishCountsView(IReadOnlyList<WishCount> PerBuilding, IReadOnlyList<WishCount> PerBusinessCommunity);

public sealed class WishCountsHandler(CivicGridDbContext db)
{
    public async Task<WishCountsView> HandleAsync(WishCounts query, CancellationToken ct)
    {
        // The wishes' filter keeps them to buildings in the jurisdiction; they are counted in SQL, never loaded.
        var wishes = db.EmployeeWishes.AsNoTracking();
        if (query.BusinessCommunityId is { } community)
        {
            wishes = wishes.Where(w => db.Buildings.Any(b => b.Id == w.BuildingId && b.BusinessCommunityId == community));
        }
        var counted = await wishes.GroupBy(w => new { w.BuildingId, w.ThemeCode })
            .Select(g => new { g.Key.BuildingId, g.Key.ThemeCode, Count = g.Count() })
            .ToListAsync(ct);
        var perBuilding = counted.Select(c => new WishCount(c.BuildingId, c.ThemeCode, c.Count))
            .OrderBy(c => c.PlaceId).ThenByDescending(c => c.Count).ThenBy(c => c.ThemeCode, StringComparer.Ordinal).ToList();
        var buildingIds = perBuilding.Select(c => c.PlaceId).Distinct().ToList();
        var communityOf = await db.Buildings.AsNoTracking()
            .Where(b => buildingIds.Contains(b.Id) && b.BusinessCommunityId != null)
            .ToDictionaryAsync(b => b.Id, b => b.BusinessCommunityId!.Value, ct);
        return new WishCountsView(perBuilding, WishTally.PerBusinessCommunity(perBuilding, communityOf));
    }
}
