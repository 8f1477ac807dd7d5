using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.App.Cockpit;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cockpit;

/// <summary>The district cockpit (docs/ASSESSMENT.md, "The cockpit") over the demo's cases, on both engines.</summary>
public class CockpitTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCockpitShowsLastMonthsFiguresByAreaAsTheDashboardCountsThem(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        await PlantLastMonthsCasesAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var cockpit = JsonDocument.Parse(await admin.GetStringAsync("/api/cockpit")).RootElement;
        var month = cockpit.GetProperty("month").GetString()!;
        var indicators = JsonDocument.Parse(await admin.GetStringAsync($"/api/indicators?from={month}&to={month}")).RootElement;

        Assert.Equal(site.Clock.GetUtcNow().AddHours(8).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), month);
        Assert.Equal(12, cockpit.GetProperty("trend").GetArrayLength());
        Assert.Equal(month, cockpit.GetProperty("trend").EnumerateArray().Last().GetProperty("code").GetString());
        var received = cockpit.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "received");
        Assert.Equal(indicators.GetProperty("totals").GetProperty("counts").GetProperty("received").GetInt64(), received.GetProperty("current").GetInt64());
        var areas = cockpit.GetProperty("areas").EnumerateArray().ToList();
        var children = indicators.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(children.Keys.Order(), areas.Select(a => a.GetProperty("code").GetString()!).Order());
        foreach (var area in areas)
        {
            var rates = children[area.GetProperty("code").GetString()!].GetProperty("rates");
            var three = new[] { "responseRate", "resolutionRate", "satisfactionRate" }.Select(k => rates.GetProperty(k))
                .Where(r => r.ValueKind == JsonValueKind.Number).Select(r => r.GetDouble()).ToList();
            var score = area.GetProperty("score");
            Assert.Equal(three.Count == 0 ? JsonValueKind.Null : JsonValueKind.Number, score.ValueKind);
            if (three.Count > 0)
            {
                Assert.Equal(Math.Round(three.Average() * 100, 1), score.GetDouble(), 6);
            }
        }
        var ranked = areas.Where(a => a.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal([50.0, 0.0], ranked.Select(a => a.GetProperty("score").GetDouble()));
        Assert.Equal(3, received.GetProperty("current").GetInt64());
        Assert.Equal(50.0, cockpit.GetProperty("best")[0].GetProperty("score").GetDouble());
        Assert.Equal("Red", cockpit.GetProperty("worst")[0].GetProperty("colour").GetString());

        var outlines = JsonDocument.Parse(await admin.GetStringAsync("/api/cockpit/areas")).RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "area").Select(f => f.GetProperty("properties").GetProperty("code").GetString()!);
        Assert.Equal(children.Keys.Order(), outlines.Order());
        var page = await admin.GetStringAsync("/cockpit");
        Assert.Contains("id=\"cockpit-map\"", page, StringComparison.Ordinal);
        Assert.Contains("data-refresh=\"300\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two cases in one street, one of them accepted in time, and one in another street; then a month passes, so the
    /// cockpit's month holds them: the first street scores 50 (half responded in time), the other 0.
    /// </summary>
    private static async Task PlantLastMonthsCasesAsync(CivicGridFactory site)
    {
        var grids = await site.GridsAsync();
        var (grid, other) = (grids[0], grids.First(g => g.Code[..9] != grids[0].Code[..9]));
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var elsewhere = await site.CreateClientAsync(StaffRole.GridWorker, other.Code);
        var accepted = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0502", "小区路灯不亮");
        await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "楼道堆放杂物");
        await CivicGridFactory.SubmitCaseAsync(elsewhere, other, "0502", "另一街道路灯不亮");
        (await CivicGridFactory.ActAsync(worker, accepted, "Accept")).EnsureSuccessStatusCode();
        site.Clock.Advance(TimeSpan.FromDays(32));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetsCockpitIsItsOwnAndAnotherStreetsIsRefused(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (street, other) = (grids[0].Code[..9], grids.First(g => g.Code[..9] != grids[0].Code[..9]).Code[..9]);
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, street);
        var resident = await site.CreateClientAsync(StaffRole.Resident, grids[0].Code);

        var own = JsonDocument.Parse(await official.GetStringAsync("/api/cockpit")).RootElement;
        Assert.Equal(street, own.GetProperty("scopeCode").GetString());
        Assert.All(own.GetProperty("areas").EnumerateArray(), a => Assert.StartsWith(street, a.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/api/cockpit?scope={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/api/cockpit/areas?scope={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await official.GetAsync("/api/cockpit?scope=12")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/cockpit")).StatusCode);
        Assert.Contains("id=\"cockpit-up\"", await official.GetStringAsync($"/cockpit?scope={grids[0].Code[..12]}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheMonthlyReportSaysWhatTheCockpitSaysAndIsIssuedOncePerMonth(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        await PlantLastMonthsCasesAsync(site);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var cockpit = JsonDocument.Parse(await admin.GetStringAsync("/api/cockpit")).RootElement;
        var report = JsonDocument.Parse(await admin.GetStringAsync("/api/cockpit/report")).RootElement;
        var received = cockpit.GetProperty("figures")[0].GetProperty("current").GetDouble();

        Assert.Equal(cockpit.GetProperty("month").GetString(), report.GetProperty("period").GetString());
        var sections = report.GetProperty("sections").EnumerateArray().ToDictionary(x => x.GetProperty("heading").GetString()!);
        Assert.Equal(cockpit.GetProperty("areas").GetArrayLength(), sections["各区域综合得分"].GetProperty("table").GetProperty("rows").GetArrayLength());
        using var workbook = new MemoryStream(await admin.GetByteArrayAsync("/api/cockpit/report?format=xlsx"));
        var figures = workbook.Query(useHeaderRow: true, sheetName: "关键指标").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("诉求量", figures[0]["指标"]);
        Assert.Equal(received, Convert.ToDouble(figures[0]["本月"], CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/cockpit/report?month=2999-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/cockpit/report?month=11-2026")).StatusCode);

        string? first, second;
        await using (var services = site.Services.CreateAsyncScope())
        {
            services.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("district-reports"));
            var issue = services.ServiceProvider.GetRequiredService<IssueDistrictReportsHandler>();
            (first, second) = (await issue.HandleAsync(new IssueDistrictReports(), default), await issue.HandleAsync(new IssueDistrictReports(), default));
        }
        Assert.Equal(cockpit.GetProperty("month").GetString(), first);
        Assert.Null(second);
        var inbox = await admin.GetStringAsync("/api/inbox");
        Assert.Equal(1, inbox.Split($"cockpit?month={first}").Length - 1);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetsCommunitiesTakeTheirColourAndStarsFromTheMonthsPublishedReview(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var street = (await site.GridsAsync())[0].Code[..9];
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, street);
        var before = JsonDocument.Parse(await official.GetStringAsync("/api/cockpit")).RootElement;
        Dictionary<string, ReviewResult> results;
        await using (var services = site.Services.CreateAsyncScope())
        {
            services.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("demo"));
            var review = await services.ServiceProvider.GetRequiredService<SeedDemoAssessmentHandler>().HandleAsync(new SeedDemoAssessment(), default);
            var db = services.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            results = await db.AssessmentResults.AsNoTracking().Where(r => r.ReviewId == review).ToDictionaryAsync(r => r.UnitCode);
        }
        var after = JsonDocument.Parse(await official.GetStringAsync("/api/cockpit")).RootElement;
        var page = await official.GetStringAsync("/cockpit");

        Assert.Equal(JsonValueKind.Null, before.GetProperty("ratedBy").ValueKind);
        Assert.All(before.GetProperty("areas").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("stars").ValueKind));
        Assert.Equal(SeedDemoAssessmentHandler.Example.Name, after.GetProperty("ratedBy").GetProperty("schemeName").GetString());
        var areas = after.GetProperty("areas").EnumerateArray().ToList();
        Assert.NotEmpty(areas);
        foreach (var area in areas)
        {
            var result = results[area.GetProperty("code").GetString()!];
            Assert.Equal((double)result.Total, area.GetProperty("score").GetDouble(), 6);
            Assert.Equal(result.Stars, area.GetProperty("stars").GetInt32());
            Assert.Equal(result.Colour.ToString(), area.GetProperty("colour").GetString());
        }
        Assert.Contains("id=\"cockpit-rated-by\"", page, StringComparison.Ordinal);
    }
}
