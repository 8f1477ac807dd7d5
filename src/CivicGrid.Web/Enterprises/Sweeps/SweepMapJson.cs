using System.Text.Json;
using CivicGrid.App.Enterprises.Sweeps;

namespace CivicGrid.Web.Enterprises.Sweeps;

/// <summary>The buildings of the coverage map as the page hands them to sweep-map.js: place, band and the counts of the tooltip.</summary>
internal static class SweepMapJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of(IEnumerable<CoverageBuilding> buildings) => JsonSerializer.Serialize(
        buildings.Where(b => b.Latitude != 0 || b.Longitude != 0).Select(b => new
        {
            id = b.BuildingId, name = b.Name, lat = b.Latitude, lon = b.Longitude, band = (int)b.Band,
            covered = b.Coverage.Covered, firms = b.Coverage.Enterprises,
        }), Options);
}
