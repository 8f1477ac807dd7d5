using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Data.Caching;
using CivicGrid.Core.Geography;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>Finds the grid a case belongs to: from a point on the map, else from a known building's address.</summary>
public sealed class CaseLocator(CacheVersions versions)
{
    private (IReadOnlyList<(string Code, GeoRing Ring)> Rings, long Version)? _grids;

    public sealed record Place(string GridCode, GeoPoint? Point);

    public async Task<Place?> LocateAsync(CivicGridDbContext db, GeoPoint? point, string? address, CancellationToken ct)
    {
        if (point is { } p)
        {
            var grids = await GridsAsync(db, ct);
            var grid = grids.FirstOrDefault(g => g.Ring.Contains(p));
            return grid.Code is null ? null : new Place(grid.Code, p);
        }
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var text = address.Trim();
        // Residents and integrations may not see buildings, but knowing which grid an address lies in reveals no one.
        var building = await db.PublicGeography().Buildings.AsNoTracking()
            .Where(b => b.Address.Length > 0 && (text.StartsWith(b.Address) || b.Address.StartsWith(text)))
            .OrderByDescending(b => b.Address.Length).Select(b => new { b.GridCode, b.Latitude, b.Longitude }).FirstOrDefaultAsync(ct);
        return building is null ? null : new Place(building.GridCode, new GeoPoint(building.Latitude, building.Longitude));
    }

    /// <summary>Drops the cached boundaries after a territory import here; other nodes see the change through its version.</summary>
    public void Invalidate() => _grids = null;

    private async Task<IReadOnlyList<(string Code, GeoRing Ring)>> GridsAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var version = await versions.CurrentAsync(db, CachedData.Territory, ct);
        if (_grids is { } cached && cached.Version == version)
        {
            return cached.Rings;
        }
        var rings = await LoadAsync(db, ct);
        _grids = (rings, version);
        return rings;
    }

    private static async Task<IReadOnlyList<(string, GeoRing)>> LoadAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var nodes = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Level == TerritoryLevel.Grid && n.Boundary != null).Select(n => new { n.Code, n.Boundary }).ToListAsync(ct);
        return nodes.Select(n => (n.Code, OuterRing(n.Boundary!))).Where(g => g.Item2 is not null).Select(g => (g.Code, g.Item2!)).ToList();
    }

    private static GeoRing? OuterRing(string geometry)
    {
        using var doc = JsonDocument.Parse(geometry);
        var coordinates = doc.RootElement.GetProperty("coordinates");
        var ring = doc.RootElement.GetProperty("type").GetString() == "MultiPolygon" ? coordinates[0][0] : coordinates[0];
        return new GeoRing(ring.EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray());
    }
}
