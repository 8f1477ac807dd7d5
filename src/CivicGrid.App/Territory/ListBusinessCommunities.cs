using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Territory;

/// <summary>The business communities (商务社区) in the caller's jurisdiction, with their office buildings and enterprises.</summary>
public sealed record ListBusinessCommunities;

public sealed record BusinessCommunityRow(int Id, string Name, string StreetCode, string? StreetName, int Buildings, int Enterprises, int KeyTaxSources,
    IReadOnlyList<BuildingRef> OfficeBuildings);

public sealed record BuildingRef(int Id, string Name, string Address);

public sealed class ListBusinessCommunitiesHandler(CivicGridDbContext db)
{
    public async Task<List<BusinessCommunityRow>> HandleAsync(ListBusinessCommunities query, CancellationToken ct)
    {
        var communities = await db.BusinessCommunities.AsNoTracking().OrderBy(c => c.StreetCode).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.StreetCode, Buildings = c.Buildings.OrderBy(b => b.Name).Select(b => new BuildingRef(b.Id, b.Name, b.Address)).ToList() })
            .ToListAsync(ct);
        var enterprises = await db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null)
            .GroupBy(e => e.Building!.BusinessCommunityId!.Value)
            .Select(g => new { g.Key, Count = g.Count(), KeyTaxSources = g.Count(e => e.IsKeyTaxSource) })
            .ToDictionaryAsync(g => g.Key, ct);
        var streetCodes = communities.Select(c => c.StreetCode).Distinct().ToList();
        var streets = await db.PublicGeography().TerritoryNodes.Where(n => streetCodes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        return communities.ConvertAll(c => new BusinessCommunityRow(c.Id, c.Name, c.StreetCode, streets.GetValueOrDefault(c.StreetCode),
            c.Buildings.Count, enterprises.TryGetValue(c.Id, out var e) ? e.Count : 0, e?.KeyTaxSources ?? 0, c.Buildings));
    }
}
