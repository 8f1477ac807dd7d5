using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.PublicServices.Coverage;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>
/// Reads what coverage is computed from. The whole district is read past the jurisdiction filter: a household near the
/// edge of one's area is served by facilities beyond it, and the reports check the caller's scope before they answer.
/// </summary>
internal sealed class CoverageSource
{
    private CoverageSource(List<CoverageType> types, List<CoverageFacilityPoint> facilities, string version)
    {
        Types = types;
        Facilities = facilities;
        Version = version;
    }

    public List<CoverageType> Types { get; }
    public List<CoverageFacilityPoint> Facilities { get; }
    public string Version { get; }

    public static async Task<CoverageSource> LoadVersionAsync(CivicGridDbContext db, WalkingModel walking, CancellationToken ct)
    {
        var types = await db.FacilityTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new CoverageType(t.Code, t.Name)).ToListAsync(ct);
        var index = types.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var rows = await db.Facilities.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Name, f.TypeCode, f.GridCode, f.Latitude, f.Longitude, f.FloorArea }).ToListAsync(ct);
        var facilities = rows.ConvertAll(f => new CoverageFacilityPoint(f.Id, f.Name, index[f.TypeCode], f.GridCode, f.Latitude, f.Longitude, f.FloorArea));
        // Imports add households and buildings with new ids, so counts and last ids tell when they changed.
        var households = (await db.DistrictChecks().Households.CountAsync(ct), await db.DistrictChecks().Households.MaxAsync(h => (int?)h.Id, ct));
        var buildings = (await db.PublicGeography().Buildings.CountAsync(ct), await db.PublicGeography().Buildings.MaxAsync(b => (int?)b.Id, ct));
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{walking.DetourFactor}|{walking.MetresPerMinute}|{households}|{buildings}|");
        types.ForEach(t => text.Append(CultureInfo.InvariantCulture, $"{t.Code}:{t.Name}|"));
        facilities.ForEach(f => text.Append(CultureInfo.InvariantCulture, $"{f.Id}:{f.Name}:{f.TypeIndex}:{f.GridCode}:{f.Latitude}:{f.Longitude}:{f.FloorArea}|"));
        return new CoverageSource(types, facilities, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    public async Task<CoverageSnapshot> ComputeAsync(CivicGridDbContext db, WalkingModel walking, CancellationToken ct)
    {
        var grids = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Grid)
            .OrderBy(n => n.Code).Select(n => n.Code).ToListAsync(ct);
        grids.Sort(StringComparer.Ordinal);
        var (buildings, households) = await HouseholdsAsync(db, grids, ct);
        var result = WalkingCoverage.Compute(Facilities.ConvertAll(f => f.ToKernel()), households, Math.Max(1, Types.Count), grids.Count, walking);
        return new CoverageSnapshot(Version, walking, Types, grids, buildings, Facilities, result, default, default);
    }

    /// <summary>Every household at its building's position, numbered building by building.</summary>
    private static async Task<(List<CoverageBuilding>, CoverageHousehold[])> HouseholdsAsync(CivicGridDbContext db, List<string> grids, CancellationToken ct)
    {
        var gridIndex = grids.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var counts = await db.DistrictChecks().Households.GroupBy(h => new { h.BuildingId, h.GridCode })
            .Select(g => new { g.Key.BuildingId, g.Key.GridCode, Count = g.Count() }).ToListAsync(ct);
        var places = await db.PublicGeography().Buildings.AsNoTracking()
            .Select(b => new { b.Id, b.Latitude, b.Longitude }).ToDictionaryAsync(b => b.Id, ct);
        var buildings = new List<CoverageBuilding>(counts.Count);
        var next = 0;
        foreach (var c in counts.OrderBy(c => c.GridCode, StringComparer.Ordinal).ThenBy(c => c.BuildingId))
        {
            if (gridIndex.TryGetValue(c.GridCode, out var grid) && places.TryGetValue(c.BuildingId, out var place))
            {
                buildings.Add(new CoverageBuilding(grid, place.Latitude, place.Longitude, c.Count, next));
                next += c.Count;
            }
        }
        var households = new CoverageHousehold[next];
        foreach (var b in buildings)
        {
            Array.Fill(households, new CoverageHousehold(b.GridIndex, b.Latitude, b.Longitude), b.First, b.Households);
        }
        return (buildings, households);
    }
}
