using System.Net;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.PublicServices;

public class CoverageApiTests
{
    private const double MetresPerDegree = 111_195;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FacilitiesAtKnownWalksPutABuildingsHouseholdsInTheirBands(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var grid = (await site.GridsAsync())[0];
        var building = JsonDocument.Parse(await admin.GetStringAsync($"/api/territory/{grid.Code}/buildings")).RootElement
            .EnumerateArray().Single(b => !b.GetProperty("isOffice").GetBoolean());
        var (lat, lon, households) = (building.GetProperty("latitude").GetDouble(), building.GetProperty("longitude").GetDouble(), building.GetProperty("households").GetInt32());
        await RemoveAllAsync(admin, "talent");

        var none = await ReportAsync(admin, "talent", grid.Code);
        // 800 m in a straight line is 12.5 minutes at 1.25 × and 80 m/min; 500 m is 7.8 minutes.
        await FacilitiesApiTests.CreateAsync(admin, Talent(grid, lat + (Toward(lat, 30.32) * 800 / MetresPerDegree), lon, "远处人才会客厅"));
        var far = await ReportAsync(admin, "talent", grid.Code);
        await FacilitiesApiTests.CreateAsync(admin, Talent(grid, lat, lon + (Toward(lon, 120.14) * 500 / (MetresPerDegree * Math.Cos(lat * Math.PI / 180))), "近处人才会客厅"));
        var near = await ReportAsync(admin, "talent", grid.Code);
        var layer = JsonDocument.Parse(await admin.GetStringAsync($"/api/coverage/households?type=talent&node={grid.Code}")).RootElement;

        Assert.Equal((households, 0.0, 0.0, 0.0), Shares(none.GetProperty("grids")[0]));
        Assert.Equal(grid.Code, none.GetProperty("gaps")[0].GetProperty("code").GetString());
        Assert.Equal((households, 0.0, 0.0, 1.0), Shares(far.GetProperty("grids")[0]));
        Assert.Equal(0, far.GetProperty("gaps").GetArrayLength());
        Assert.Equal((households, 0.0, 1.0, 1.0), Shares(near.GetProperty("grids")[0]));
        Assert.Equal(1, layer.GetProperty("households").GetArrayLength());
        Assert.Equal(1, layer.GetProperty("households")[0].GetProperty("band").GetInt32());
        Assert.Equal(households, layer.GetProperty("households")[0].GetProperty("households").GetInt32());
        Assert.Equal(["近处人才会客厅", "远处人才会客厅"], layer.GetProperty("facilities").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());
        Assert.NotEqual(far.GetProperty("version").GetString(), near.GetProperty("version").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task GapsComeWorstFirstAndTheFloorAreaPerHundredHouseholdsAddsUp(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var community = (await site.GridsAsync())[0].Code[..12];

        var district = await ReportAsync(admin, null, "330105");
        var report = await ReportAsync(admin, "elderly", community);
        var facilities = JsonDocument.Parse(await admin.GetStringAsync($"/api/facilities?under={community}&pageSize=200")).RootElement;
        var households = JsonDocument.Parse(await admin.GetStringAsync($"/api/territory/{community}")).RootElement.GetProperty("stats").GetProperty("households").GetInt32();
        var area = facilities.GetProperty("items").EnumerateArray().Sum(f => f.GetProperty("floorArea").GetDouble());

        var gaps = district.GetProperty("gaps").EnumerateArray().Select(g => (Share: g.GetProperty("shares").GetProperty("withinFifteen").GetDouble(),
            Households: g.GetProperty("shares").GetProperty("households").GetInt32(), Code: g.GetProperty("code").GetString()!)).ToList();
        var expected = district.GetProperty("grids").EnumerateArray().Where(g => g.GetProperty("shares").GetProperty("withinFifteen").GetDouble() < 0.8).Count();
        Assert.NotEmpty(gaps);
        Assert.Equal(expected, gaps.Count);
        Assert.Equal(gaps.OrderBy(g => g.Share).ThenByDescending(g => g.Households).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => g.Share), gaps.Select(g => g.Share));
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.First.Share < p.Second.Share || (p.First.Share == p.Second.Share && p.First.Households >= p.Second.Households)));
        Assert.Equal(households, report.GetProperty("households").GetInt32());
        Assert.Equal(area, report.GetProperty("floorArea").GetDouble(), 6);
        Assert.Equal(area / households * 100, report.GetProperty("floorAreaPerHundredHouseholds").GetDouble(), 6);
        Assert.Equal(9, district.GetProperty("types").GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheWalkingModelComesFromConfigurationAndScopeLimitsTheAreas(DatabaseKind kind)
    {
        var settings = new Dictionary<string, string?> { ["Coverage:DetourFactor"] = "1.5", ["Coverage:MetresPerMinute"] = "60" };
        await using var site = await CivicGridFactory.StartAsync(kind, settings: settings);
        var grids = await site.GridsAsync();
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grids[0].Code);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105");

        var own = await ReportAsync(worker, "elderly", null);
        var page = await worker.GetStringAsync("/coverage");

        Assert.Equal(600, own.GetProperty("method").GetProperty("fifteenMinuteMetres").GetDouble(), 6);
        Assert.Equal(grids[0].Code, own.GetProperty("node").GetProperty("code").GetString());
        Assert.Contains("绕行系数 1.5", page, StringComparison.Ordinal);
        Assert.Contains("60 米/分钟", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/coverage?type=elderly&node={grids[^1].Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/coverage/households?type=elderly&node={grids[^1].Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync("/api/coverage/households?type=elderly&node=330105")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/coverage")).StatusCode);
    }

    private static int Toward(double value, double centre) => value < centre ? 1 : -1;

    private static FacilitiesApiTests.FacilityBody Talent((string Code, double Latitude, double Longitude) grid, double lat, double lon, string name) =>
        FacilitiesApiTests.Facility(grid) with { Name = name, TypeCode = "talent", Latitude = lat, Longitude = lon, Services = ["S14"] };

    private static async Task RemoveAllAsync(HttpClient admin, string type)
    {
        var list = JsonDocument.Parse(await admin.GetStringAsync($"/api/facilities?type={type}&pageSize=200")).RootElement;
        foreach (var f in list.GetProperty("items").EnumerateArray())
        {
            (await admin.DeleteAsync($"/api/facilities/{f.GetProperty("id").GetInt32()}")).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string? type, string? node)
    {
        var response = await client.GetAsync($"/api/coverage?type={type}&node={node}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static (int, double, double, double) Shares(JsonElement row)
    {
        var s = row.GetProperty("shares");
        return (s.GetProperty("households").GetInt32(), s.GetProperty("withinFive").GetDouble(), s.GetProperty("withinTen").GetDouble(), s.GetProperty("withinFifteen").GetDouble());
    }
}
