using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

public class CaseJourneyTests(ITestOutputHelper output)
{
    private static async Task ActAsync(IPage page, int caseId, string action, string note)
    {
        await page.GotoAsync($"/cases/{caseId}");
        await page.FillAsync("#note", note);
        await page.ClickAsync($"#act-{action}");
        await page.WaitForSelectorAsync("#done");
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AResidentsNeedGoesThroughDeliberationToADepartmentAndBackToTheResidentsRating(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);

        // The resident raises a parking problem, marking it on the map.
        var resident = await site.SignInAsync(StaffRole.Resident, "330105001001001");
        await resident.GotoAsync("/cases/new");
        await resident.SelectOptionAsync("#item", "0303");
        await resident.FillAsync("#description", "小区夜间停车位不足，车辆占用消防通道");
        await resident.WaitForSelectorAsync("#pick-map path.leaflet-interactive");
        await resident.ClickAsync("#pick-map");
        await resident.WaitForSelectorAsync("#nearby .small");
        await BrowserSite.ScreenshotAsync(resident, $"case-new-{kind}");
        await resident.ClickAsync("#submit-case");
        await resident.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/cases/\d+$"), new PageWaitForURLOptions { Timeout = ResidentSteps.SubmitTimeout });
        var caseId = int.Parse(resident.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var gridCode = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.GridCode).SingleAsync());

        // Community staff schedule a deliberation day; the grid worker accepts the case and puts it on the agenda.
        var community = await site.SignInAsync(StaffRole.CommunityStaff, gridCode[..12]);
        await community.GotoAsync("/deliberation");
        await community.FillAsync("#title", "停车难议事会");
        await community.FillAsync("#date", "2026-11-23");
        await community.ClickAsync("#schedule");
        await community.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/deliberation/\d+$"));
        var dayUrl = community.Url;
        var worker = await site.SignInAsync(StaffRole.GridWorker, gridCode);
        await ActAsync(worker, caseId, "Accept", "已核实，予以立案");
        await worker.GotoAsync($"/cases/{caseId}");
        await worker.SelectOptionAsync("#day", dayUrl.Split('/')[^1]);
        await worker.FillAsync("#note", "提交社区议事会协商");
        await worker.ClickAsync("#act-PutOnAgenda");
        await worker.WaitForSelectorAsync("#done");

        // The deliberation day reaches a consensus, plans a task and records minutes; the community dispatches the work.
        await community.GotoAsync(dayUrl);
        await community.FillAsync(".agenda-case input[name=Text]", "协调周边单位夜间错时共享停车位");
        await community.CheckAsync(".agenda-case input[name=Consensus]");
        await community.ClickAsync(".agenda-case form >> nth=0 >> button");
        await community.FillAsync(".agenda-case input[name=Title]", "施划临时停车位并清理消防通道");
        await community.FillAsync(".agenda-case input[name=Owner]", "区城市管理局");
        await community.FillAsync(".agenda-case input[name=Due]", "2026-12-10");
        await community.ClickAsync(".agenda-case form >> nth=1 >> button");
        await community.WaitForSelectorAsync(".agenda-case .plan li");
        await community.FillAsync("#minutes-form textarea", "居民代表与智囊团协商一致：错时共享停车，城管施划临时车位。");
        await community.CheckAsync("#minutes-form input[name=Held]");
        await community.ClickAsync("#minutes-form button");
        await community.WaitForSelectorAsync("#held");
        await BrowserSite.ScreenshotAsync(community, $"deliberation-day-{kind}");
        await community.GotoAsync($"/cases/{caseId}");
        await community.SelectOptionAsync("#department", "CG");
        await community.FillAsync("#note", "按议事方案派城管施划车位");
        await community.ClickAsync("#act-Dispatch");
        await community.WaitForSelectorAsync("#done");

        // The department does the planned work and resolves it once the community marks the task done; the grid worker
        // verifies on site and closes it; the resident rates it.
        var department = await site.SignInAsync(StaffRole.DepartmentHandler, "330105", "CG");
        await community.GotoAsync(dayUrl);
        await community.ClickAsync(".agenda-case .plan button");
        await community.WaitForSelectorAsync(".agenda-case .plan li:not(:has(button))");
        await ActAsync(department, caseId, "Resolve", "已施划 12 个临时停车位，消防通道已清理");
        await ActAsync(worker, caseId, "Verify", "现场核查属实");
        await ActAsync(worker, caseId, "Close", "结案");
        await resident.GotoAsync($"/cases/{caseId}");
        await resident.CheckAsync("#rating input[value=Satisfied]");
        await resident.ClickAsync("#act-Rate");
        await resident.WaitForSelectorAsync("#case-rating");
        await BrowserSite.ScreenshotAsync(resident, $"case-closed-{kind}");

        var steps = await resident.Locator("#timeline .timeline-action").AllInnerTextsAsync();
        Assert.Equal(["提交诉求", "立案", "提交议事", "派单", "办结反馈", "核查通过", "结案", "居民评价"], steps);
        Assert.Equal("满意", await resident.InnerTextAsync("#case-rating"));

        // The community's dashboard counts the case: received, accepted in time, closed and rated 满意.
        await community.GotoAsync("/dashboard");
        await community.WaitForSelectorAsync("#kpis");
        await BrowserSite.ScreenshotAsync(community, $"dashboard-{kind}");
        Assert.Equal("100.0%", await community.InnerTextAsync("#kpi-satisfactionRate .kpi-value"));
        Assert.Equal("100.0%", await community.InnerTextAsync("#kpi-closureRate .kpi-value"));
    }
}
