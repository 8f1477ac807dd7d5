using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>The household layer of the coverage map, one community or grid at a time so the map stays small.</summary>
public sealed record GetCoverageLayer(string? TypeCode, string? NodeCode);

public sealed class GetCoverageLayerHandler(CivicGridDbContext db, CoverageCache cache)
{
    private const double MetresPerDegree = 111_320;

    public async Task<Outcome<CoverageLayer>> HandleAsync(GetCoverageLayer query, CancellationToken ct)
    {
        if (query.NodeCode is not { Length: >= 12 } code || !TerritoryCode.IsValid(code))
        {
            return Outcome<CoverageLayer>.Invalid(nameof(query.NodeCode), "住户图层一次只显示一个社区或网格，请填写 12 位社区编码或 15 位网格编码");
        }
        if (!await db.TerritoryNodes.AnyAsync(n => n.Code == code, ct))
        {
            return Outcome<CoverageLayer>.NotFound();
        }
        var snapshot = await cache.GetAsync(db, ct);
        var type = query.TypeCode is null ? -1 : snapshot.TypeIndex(query.TypeCode);
        if (type < 0)
        {
            return Outcome<CoverageLayer>.Invalid(nameof(query.TypeCode), $"未知的阵地类型“{query.TypeCode}”");
        }
        var grids = snapshot.GridsUnder(code).ToHashSet();
        var points = snapshot.Buildings.Where(b => grids.Contains(b.GridIndex))
            .Select(b => new LayerPoint(b.Latitude, b.Longitude, b.Households, (int)snapshot.BandOf(b, type))).ToList();
        return Outcome<CoverageLayer>.Ok(new CoverageLayer(code, snapshot.Types[type].Code, snapshot.Types[type].Name, points,
            FacilitiesWithinReach(snapshot, type, points)));
    }

    /// <summary>The type's facilities inside the box around the households widened by the 15-minute reach: those that serve them.</summary>
    private static List<LayerFacility> FacilitiesWithinReach(CoverageSnapshot snapshot, int type, List<LayerPoint> points)
    {
        if (points.Count == 0)
        {
            return [];
        }
        var reach = snapshot.Walking.StraightLineMetres(15);
        var (south, north) = (points.Min(p => p.Latitude) - (reach / MetresPerDegree), points.Max(p => p.Latitude) + (reach / MetresPerDegree));
        var lonReach = reach / (MetresPerDegree * Math.Cos(points[0].Latitude * Math.PI / 180));
        var (west, east) = (points.Min(p => p.Longitude) - lonReach, points.Max(p => p.Longitude) + lonReach);
        return snapshot.Facilities
            .Where(f => f.TypeIndex == type && f.Latitude >= south && f.Latitude <= north && f.Longitude >= west && f.Longitude <= east)
            .Select(f => new LayerFacility(f.Id, f.Name, f.Latitude, f.Longitude)).ToList();
    }
}
