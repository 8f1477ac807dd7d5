using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>The box around the district's boundary, where a facility's position must fall.</summary>
internal static class DistrictBounds
{
    /// <returns>Null when the district has no boundary on record.</returns>
    public static async Task<GeoRect?> LoadAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var boundary = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.ParentCode == null)
            .OrderBy(n => n.Code).Select(n => n.Boundary).FirstOrDefaultAsync(ct);
        return boundary is null ? null : BoxOf(boundary);
    }

    private static GeoRect? BoxOf(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var (south, west, north, east) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var position in Positions(document.RootElement.GetProperty("coordinates")))
        {
            var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
            (south, north) = (Math.Min(south, lat), Math.Max(north, lat));
            (west, east) = (Math.Min(west, lon), Math.Max(east, lon));
        }
        return south <= north ? new GeoRect(south, west, north, east) : null;
    }

    /// <summary>Every [longitude, latitude] pair, however deeply a Polygon or MultiPolygon nests them.</summary>
    private static IEnumerable<JsonElement> Positions(JsonElement coordinates)
    {
        if (coordinates.GetArrayLength() > 0 && coordinates[0].ValueKind == JsonValueKind.Number)
        {
            yield return coordinates;
            yield break;
        }
        foreach (var inner in coordinates.EnumerateArray().SelectMany(Positions))
        {
            yield return inner;
        }
    }
}
