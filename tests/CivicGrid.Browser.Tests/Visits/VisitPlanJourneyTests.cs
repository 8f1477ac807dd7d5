using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Visits;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Visits;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Visits;

/// <summary>
/// A grid worker's week on a phone: the households due this week in their grid, a visit recorded at the door that finds
/// a need, and the case it opened, with source 入户走访, in the loop.
/// </summary>
public sealed class VisitPlanJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AGridWorkerRecordsAVisitFromTheWeeksPlanThatOpensACase(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var (grid, household) = await OverdueHouseholdAsync(site);
        var worker = await site.SignInAsync(await site.OpenAccountAsync(new StaffUser
        {
            UserName = "worker-visits", DisplayName = "网格员", Role = StaffRole.GridWorker, ScopeCode = grid,
        }), LayoutSites.Phone("zh-CN"));

        await worker.GotoAsync("/visit-plans");
        var summary = await worker.InnerTextAsync("#summary");
        var width = await worker.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var badge = await worker.InnerTextAsync($"#household-{household} .badge");
        await worker.ClickAsync($"#household-{household} a");
        await worker.FillAsync("#situation", " ");
        await worker.ClickAsync("#record-visit");
        var refused = await worker.InnerTextAsync("#errors");
        await worker.SelectOptionAsync("#met", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await worker.FillAsync("#situation", "老人独居，反映楼道灯坏了");
        await worker.SelectOptionAsync("#need-kind", "Case");
        await worker.SelectOptionAsync("#case-item", "0101");
        await worker.FillAsync("#need-description", "三楼楼道灯坏了，夜间看不清台阶");
        await worker.ClickAsync("#record-visit");
        await worker.WaitForURLAsync("**/cases/*");
        var formWidth = await worker.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var caseId = int.Parse(worker.Url.Split("/cases/")[1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("逾期", badge, StringComparison.Ordinal);
        Assert.Contains("周期内已走访", summary, StringComparison.Ordinal);
        Assert.True(width <= 390, $"the plan is {width} px wide on a phone");
        Assert.True(formWidth <= 390, $"the case page is {formWidth} px wide on a phone");
        Assert.Contains("请选择见到的家庭成员", refused, StringComparison.Ordinal);
        await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
            var visit = await db.HouseholdVisits.AsNoTracking().SingleAsync(v => v.HouseholdId == household && v.CaseId != null);
            Assert.Equal((CaseSource.Visit, grid), (c.Source, c.GridCode));
            Assert.Equal((caseId, false), (visit.CaseId, visit.NoOneHome));
            return true;
        });
    }

    /// <summary>A household of the first grid last visited in June 2025, so it is overdue whatever its cycle.</summary>
    private static Task<(string Grid, int Household)> OverdueHouseholdAsync(BrowserSite site) => site.Factory.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var r = await db.Residents.Where(r => r.HouseholdId != null && r.DepartedOn == null).OrderBy(r => r.GridCode).ThenBy(r => r.Id)
            .Select(r => new { r.GridCode, Household = r.HouseholdId!.Value }).FirstAsync();
        await db.HouseholdVisits.Where(v => v.HouseholdId == r.Household).ExecuteDeleteAsync();
        db.HouseholdVisits.Add(new HouseholdVisit
        {
            HouseholdId = r.Household, GridCode = r.GridCode, VisitedOn = new DateOnly(2025, 6, 1), Situation = "情况正常", RecordedBy = "网格员", RecordedAt = new DateTime(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        return (r.GridCode, r.Household);
    });
}
