using System.Text.Json;
using CivicGrid.App.PublicServices.Facilities;

namespace CivicGrid.Web.PublicServices.Facilities;

/// <summary>The markers facility-map.js draws, in a data attribute because the content security policy allows no inline script.</summary>
internal static class FacilityMapJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of(IEnumerable<FacilityRow> facilities) =>
        JsonSerializer.Serialize(facilities.Select(f => new { f.Id, f.Name, type = f.TypeName, lat = f.Latitude, lon = f.Longitude }), Options);

    public static string Of(FacilityDetail f) =>
        JsonSerializer.Serialize(new[] { new { f.Id, f.Name, type = f.TypeName, lat = f.Latitude, lon = f.Longitude } }, Options);
}
