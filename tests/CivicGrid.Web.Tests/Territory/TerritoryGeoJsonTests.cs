using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Territory;

public class TerritoryGeoJsonTests
{
    private static StringContent GeoJson(string text) => new(text, Encoding.UTF8, "application/geo+json");

    private const string NewGrid = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"330105001001009","name":"新建网格"},
         "geometry":{"type":"Polygon","coordinates":[[[120.10,30.30],[120.11,30.30],[120.11,30.31],[120.10,30.31],[120.10,30.30]]]}}]}
        """;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BoundariesGoInAsGeoJsonAndComeBackOut(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var imported = await admin.PostAsync("/api/territory/import?commit=true", GeoJson(NewGrid));
        var again = await (await admin.PostAsync("/api/territory/import?commit=true", GeoJson(NewGrid))).Content.ReadFromJsonAsync<JsonElement>();
        var map = JsonDocument.Parse(await admin.GetStringAsync("/api/territory/330105001001009/map")).RootElement;

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        var feature = map.GetProperty("features")[0];
        Assert.Equal("新建网格", feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(120.11, feature.GetProperty("geometry").GetProperty("coordinates")[0][1][0].GetDouble());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACaseRaisedInsideANewlyImportedGridLandsInIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        const string farGrid = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"330105001001011","name":"远处网格"},
             "geometry":{"type":"Polygon","coordinates":[[[121.00,31.00],[121.01,31.00],[121.01,31.01],[121.00,31.01],[121.00,31.00]]]}}]}
            """;
        var before = await admin.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "楼上邻居装修噪音，影响休息", latitude = 31.005, longitude = 121.005 });

        await admin.PostAsync("/api/territory/import?commit=true", GeoJson(farGrid));
        var after = await admin.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "楼上邻居装修噪音，影响休息", latitude = 31.005, longitude = 121.005 });

        Assert.False(before.IsSuccessStatusCode);
        Assert.True(after.IsSuccessStatusCode, await after.Content.ReadAsStringAsync());
        Assert.Equal("330105001001011", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gridCode").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BadFeaturesAreNamedAndNothingIsSaved(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        const string bad = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"330105001001010","name":"好网格"},"geometry":{"type":"Polygon","coordinates":[[[120.1,30.3],[120.2,30.3],[120.2,30.4],[120.1,30.3]]]}},
             {"type":"Feature","properties":{"code":"330105999001001","name":"孤儿网格"},"geometry":{"type":"Polygon","coordinates":[[[120.1,30.3],[120.2,30.3],[120.2,30.4],[120.1,30.3]]]}},
             {"type":"Feature","properties":{"code":"33010500100101","name":"坏编码"},"geometry":{"type":"Point","coordinates":[120.1,30.3]}}]}
            """;

        var response = await admin.PostAsync("/api/territory/import?commit=true", GeoJson(bad));
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains((2, "code"), errors);
        Assert.Contains((3, "code"), errors);
        Assert.Contains((3, "geometry"), errors);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/territory/330105001001010")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyTheDistrictAdminMayRedrawTheMap(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var worker = await site.CreateClientAsync(StaffRole.StreetOfficial, "330105001");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync("/api/territory/import?commit=true", GeoJson(NewGrid))).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PagesSpeakChineseFirstAndEnglishOnRequest(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        Assert.Contains("居民", await client.GetStringAsync("/residents"), StringComparison.Ordinal);

        await client.GetAsync("/culture/en-US?returnUrl=/residents");
        var english = await client.GetStringAsync("/residents");

        Assert.Contains("Export Excel", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en-US\"", english, StringComparison.Ordinal);
    }
}

public class BusinessCommunityTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BusinessCommunitiesAreListedWithTheirBuildingsAndEnterprisesInScopeOnly(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var otherStreet = await site.CreateClientAsync(StaffRole.StreetOfficial, "330105002");

        var all = JsonDocument.Parse(await admin.GetStringAsync("/api/business-communities")).RootElement;
        var none = JsonDocument.Parse(await otherStreet.GetStringAsync("/api/business-communities")).RootElement;
        var page = await admin.GetStringAsync("/business-communities");

        var community = Assert.Single(all.EnumerateArray());
        Assert.Equal("小河商务社区", community.GetProperty("name").GetString());
        Assert.Equal(4, community.GetProperty("buildings").GetInt32());
        Assert.Equal(40, community.GetProperty("enterprises").GetInt32());
        Assert.Equal(0, none.GetArrayLength());
        Assert.Contains("小河商务社区", page, StringComparison.Ordinal);
    }
}
