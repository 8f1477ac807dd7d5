using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.App.Data.Caching;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Hosting;

/// <summary>A change saved on one node reaches another node's caches within <see cref="CacheVersions.CheckEvery"/>.</summary>
public class CacheCoherenceTests
{
    private static async Task<(CivicGridFactory First, CivicGridFactory Second, TestDatabase Database)> TwoNodesAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        return (await CivicGridFactory.StartAsync(database), CivicGridFactory.Attach(database), database);
    }

    private static void Wait(params CivicGridFactory[] nodes)
    {
        foreach (var node in nodes)
        {
            node.Clock.Advance(CacheVersions.CheckEvery + TimeSpan.FromSeconds(1));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridImportedOnOneNodePlacesCasesOnAnother(DatabaseKind kind)
    {
        var (first, second, database) = await TwoNodesAsync(kind);
        await using var _db = database;
        await using var _first = first;
        await using var _second = second;
        var importer = await first.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        // Account names count per node; another role keeps the two nodes' names apart.
        var reporter = await second.CreateClientAsync(StaffRole.StreetOfficial, "330105001");
        var raise = () => reporter.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "楼上邻居装修噪音，影响休息", latitude = 31.005, longitude = 121.005 });
        const string farGrid = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"330105001001012","name":"远处网格"},
             "geometry":{"type":"Polygon","coordinates":[[[121.00,31.00],[121.01,31.00],[121.01,31.01],[121.00,31.01],[121.00,31.00]]]}}]}
            """;
        var before = await raise();

        (await importer.PostAsync("/api/territory/import?commit=true", new StringContent(farGrid, Encoding.UTF8, "application/geo+json"))).EnsureSuccessStatusCode();
        Wait(first, second);
        var after = await raise();

        Assert.False(before.IsSuccessStatusCode);
        Assert.True(after.IsSuccessStatusCode, await after.Content.ReadAsStringAsync());
        Assert.Equal("330105001001012", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gridCode").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AHolidayAddedOnOneNodeMovesDeadlinesSetOnAnother(DatabaseKind kind)
    {
        var (first, second, database) = await TwoNodesAsync(kind);
        await using var _db = database;
        await using var _first = first;
        await using var _second = second;
        var grid = (await first.GridsAsync())[0];
        var admin = await first.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var reporter = await second.CreateClientAsync(StaffRole.StreetOfficial, grid.Code[..9]);
        await CivicGridFactory.SubmitCaseAsync(reporter, grid);

        // The clock stands at Monday 23 November 10:00; 0101 answers within two working hours.
        (await admin.PutAsJsonAsync("/api/admin/holidays/2026-11-23", new { name = "演示假日" })).EnsureSuccessStatusCode();
        Wait(first, second);
        var id = await CivicGridFactory.SubmitCaseAsync(reporter, grid);

        var detail = JsonDocument.Parse(await reporter.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal(new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc), detail.GetProperty("respondBy").GetDateTime().ToUniversalTime());
    }
}
