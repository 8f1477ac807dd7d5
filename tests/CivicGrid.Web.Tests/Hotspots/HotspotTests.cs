using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Hotspots;

/// <summary>Hotspots over the real case tables (docs/ASSESSMENT.md, "Hotspots"), on both engines.</summary>
public class HotspotTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FiveCasesOfOneItemAtOnePlaceAreAHotspotAndARisingTrendOfTheirGrid(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (grid, other) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid.Code[..9]);
        var elsewhere = await site.CreateClientAsync(StaffRole.GridWorker, other.Code);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await CivicGridFactory.SubmitCaseAsync(worker, grid, "0502", $"小区第{i + 1}处路灯不亮"));
        }
        var fourOnly = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "楼道堆放杂物");

        var view = JsonDocument.Parse(await street.GetStringAsync("/api/hotspots")).RootElement;
        var own = JsonDocument.Parse(await elsewhere.GetStringAsync("/api/hotspots")).RootElement;
        var outside = await elsewhere.GetAsync($"/api/hotspots?scope={grid.Code}");
        var malformed = await street.GetAsync("/api/hotspots?scope=12");

        var spot = view.GetProperty("hotspots").EnumerateArray().Single(h => h.GetProperty("itemCode").GetString() == "0502" && h.GetProperty("gridCode").GetString() == grid.Code);
        Assert.Superset(ids.ToHashSet(), spot.GetProperty("caseIds").EnumerateArray().Select(i => i.GetInt32()).ToHashSet());
        Assert.DoesNotContain(fourOnly, spot.GetProperty("caseIds").EnumerateArray().Select(i => i.GetInt32()));
        Assert.False(string.IsNullOrEmpty(spot.GetProperty("itemName").GetString()));
        Assert.Contains(view.GetProperty("trends").EnumerateArray(), t => t.GetProperty("gridCode").GetString() == grid.Code && t.GetProperty("itemCode").GetString() == "0502" && t.GetProperty("current").GetInt32() >= 5);
        Assert.DoesNotContain(own.GetProperty("hotspots").EnumerateArray(), h => h.GetProperty("gridCode").GetString() == grid.Code);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var page = await street.GetStringAsync("/hotspots");
        Assert.Contains($"href=\"cases/{ids[0]}\"", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCasesOfTheMonthsBeforeAreTheBaselineAGridRisesAgainst(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var steady = grids[0];
        var rising = grids.First(g => g.Code != steady.Code && g.Code[..9] == steady.Code[..9]);
        var (steadyWorker, risingWorker) = (await site.CreateClientAsync(StaffRole.GridWorker, steady.Code), await site.CreateClientAsync(StaffRole.GridWorker, rising.Code));
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, steady.Code[..9]);
        for (var i = 0; i < 10; i++)
        {
            await CivicGridFactory.SubmitCaseAsync(steadyWorker, steady, "0502", $"小区第{i + 1}处路灯不亮");
        }
        site.Clock.Advance(TimeSpan.FromDays(45));
        await street.GetStringAsync("/api/hotspots");
        for (var i = 0; i < 5; i++)
        {
            await CivicGridFactory.SubmitCaseAsync(steadyWorker, steady, "0502", $"路灯又坏了第{i + 1}处");
            await CivicGridFactory.SubmitCaseAsync(risingWorker, rising, "0502", $"新装路灯不亮第{i + 1}处");
        }

        var trends = JsonDocument.Parse(await street.GetStringAsync("/api/hotspots")).RootElement.GetProperty("trends").EnumerateArray()
            .Where(t => t.GetProperty("itemCode").GetString() == "0502").ToList();

        // Ten cases 45 days ago average more than 3 a window before: five now are not twice that. None before: five rise.
        Assert.DoesNotContain(trends, t => t.GetProperty("gridCode").GetString() == steady.Code);
        var up = Assert.Single(trends, t => t.GetProperty("gridCode").GetString() == rising.Code);
        Assert.Equal(5, up.GetProperty("current").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TerritorialStaffOpenAHotspotsProactiveTaskOnceWhileItsCaseIsOpen(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var supervisor = await site.CreateClientAsync(StaffRole.CivicSupervisor, grid.Code[..9]);
        for (var i = 0; i < 5; i++)
        {
            await CivicGridFactory.SubmitCaseAsync(worker, grid, "0502", $"小区第{i + 1}处路灯不亮");
        }
        var task = new { itemCode = "0502", gridCode = grid.Code };

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/hotspots/tasks", task)).StatusCode);
        var opened = await worker.PostAsJsonAsync("/api/hotspots/tasks", task);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var caseId = await opened.Content.ReadFromJsonAsync<int>();
        var again = await worker.PostAsJsonAsync("/api/hotspots/tasks", task);
        var none = await worker.PostAsJsonAsync("/api/hotspots/tasks", new { itemCode = "0101", gridCode = grid.Code });

        var taskCase = JsonDocument.Parse(await worker.GetStringAsync($"/api/cases/{caseId}")).RootElement;
        Assert.Equal("0502", taskCase.GetProperty("itemCode").GetString());
        Assert.Equal(grid.Code, taskCase.GetProperty("gridCode").GetString());
        Assert.StartsWith("【未诉先办】", taskCase.GetProperty("description").GetString(), StringComparison.Ordinal);
        var spot = JsonDocument.Parse(await worker.GetStringAsync("/api/hotspots")).RootElement.GetProperty("hotspots").EnumerateArray()
            .Single(h => h.GetProperty("itemCode").GetString() == "0502" && h.GetProperty("gridCode").GetString() == grid.Code);
        Assert.Equal(caseId, spot.GetProperty("taskCaseId").GetInt32());
        Assert.Equal(5, spot.GetProperty("caseCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("\"hotspot\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains($"href=\"cases/{caseId}\"", await worker.GetStringAsync("/hotspots"), StringComparison.Ordinal);
    }
}
