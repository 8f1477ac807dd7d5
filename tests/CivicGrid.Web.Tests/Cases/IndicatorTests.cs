using System.Net;
using System.Text.Json;
using CivicGrid.App.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class IndicatorTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ThreeCasesTwoAcceptedOneClosedAndRatedGiveExactRates(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, grid.Code[..6]);
        var ids = new[] { await CivicGridFactory.SubmitCaseAsync(worker, grid), await CivicGridFactory.SubmitCaseAsync(worker, grid), await CivicGridFactory.SubmitCaseAsync(worker, grid) };
        foreach (var action in new[] { "Accept", "Handle", "Resolve", "Verify", "Close" })
        {
            (await CivicGridFactory.ActAsync(action == "Verify" ? admin : worker, ids[0], action)).EnsureSuccessStatusCode();
        }
        (await CivicGridFactory.ActAsync(worker, ids[0], "Rate", new { rating = "BasicallySatisfied" })).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(worker, ids[1], "Accept")).EnsureSuccessStatusCode();

        var report = JsonDocument.Parse(await admin.GetStringAsync("/api/indicators")).RootElement;

        var rates = report.GetProperty("totals").GetProperty("rates");
        Assert.Equal(2.0 / 3, rates.GetProperty("responseRate").GetDouble(), 9);
        Assert.Equal(2.0 / 3, rates.GetProperty("acceptanceRate").GetDouble(), 9);
        Assert.Equal(1.0, rates.GetProperty("resolutionRate").GetDouble());
        Assert.Equal(0.5, rates.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(0.5, rates.GetProperty("closureRate").GetDouble());
        Assert.Equal(1.0, rates.GetProperty("onTimeClosureRate").GetDouble());
        Assert.Equal(0.0, rates.GetProperty("reworkRate").GetDouble());
        Assert.Equal(0.0, rates.GetProperty("extensionRate").GetDouble());
        var trend = report.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(12, trend.Count);
        Assert.Equal(("2026-11", 3), (trend[^1].GetProperty("code").GetString(), trend[^1].GetProperty("counts").GetProperty("received").GetInt32()));
        Assert.Equal(JsonValueKind.Null, trend[0].GetProperty("rates").GetProperty("responseRate").ValueKind);
        var street = report.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == grid.Code[..9]);
        Assert.Equal(3, street.GetProperty("counts").GetProperty("received").GetInt32());
        Assert.Equal("睦邻关系", Assert.Single(report.GetProperty("byCategory").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task GridWorkerSeesOnlyTheirGridAndIsRefusedAnyWiderScope(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (mine, other) = (grids[0], grids[^1]);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, mine.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, mine.Code[..6]);
        await CivicGridFactory.SubmitCaseAsync(worker, mine);
        await CivicGridFactory.SubmitCaseAsync(admin, other);
        await CivicGridFactory.SubmitCaseAsync(admin, other);

        var report = JsonDocument.Parse(await worker.GetStringAsync("/api/indicators")).RootElement;
        var points = JsonDocument.Parse(await worker.GetStringAsync("/api/indicators/open-cases")).RootElement;

        Assert.Equal(mine.Code, report.GetProperty("scopeCode").GetString());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("counts").GetProperty("received").GetInt32());
        Assert.Empty(report.GetProperty("children").EnumerateArray());
        Assert.Single(points.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/indicators?scope={other.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/indicators?scope={mine.Code[..12]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/indicators/export?scope={mine.Code[..6]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/indicators/open-cases?scope={other.Code}")).StatusCode);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, mine.Code[..6], "CG");
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/indicators")).StatusCode);
        var district = JsonDocument.Parse(await admin.GetStringAsync("/api/indicators")).RootElement;
        Assert.Equal(3, district.GetProperty("totals").GetProperty("counts").GetProperty("received").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ExportOpensWithChineseHeadersAndPercentages(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, grid.Code[..6]);
        var id = await CivicGridFactory.SubmitCaseAsync(admin, grid);
        await CivicGridFactory.SubmitCaseAsync(admin, grid);
        (await CivicGridFactory.ActAsync(admin, id, "Accept")).EnsureSuccessStatusCode();

        var response = await admin.GetAsync("/api/indicators/export?format=xlsx");
        var table = TabularFile.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "indicators.xlsx");
        var csv = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/api/indicators/export?format=csv"));

        Assert.Equal("attachment; filename=indicators.xlsx", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(["区域编码", "区域名称", "月份", "诉求数", "响应率(%)", "解决率(%)", "满意率(%)", "立案率(%)", "结案率(%)", "按期结案率(%)", "返工率(%)", "延期率(%)"], table.Headers);
        var district = table.Rows.Single(r => r[0] == grid.Code[..6]);
        Assert.Equal(new string?[] { "2026-11", "2", "50", "50" }, new[] { district[2], district[3], district[4], district[7] });
        var street = table.Rows.Single(r => r[0] == grid.Code[..9]);
        Assert.Equal(new string?[] { "2026-11", "2" }, new[] { street[2], street[3] });
        Assert.StartsWith("\uFEFF区域编码,区域名称,月份,诉求数,响应率(%)", csv, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DashboardRendersTheIndicatorCardsOrAnEmptyState(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid.Code[..9]);
        var supervisor = await site.CreateClientAsync(StaffRole.CivicSupervisor, grid.Code[..9]);

        var empty = await street.GetStringAsync("/dashboard");
        await CivicGridFactory.SubmitCaseAsync(street, grid);
        var page = await street.GetAsync("/dashboard");
        var html = await page.Content.ReadAsStringAsync();
        var supervising = await supervisor.GetStringAsync("/dashboard");
        var refused = await street.GetStringAsync($"/dashboard?scope={grid.Code[..6]}");

        Assert.Contains("id=\"empty\"", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("响应率", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kpi-satisfactionRate\"", html, StringComparison.Ordinal);
        Assert.Contains("data-report=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"empty\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ranking\"", supervising, StringComparison.Ordinal);
        Assert.Contains("该区域不在您的管辖范围内", refused, StringComparison.Ordinal);
    }
}
