using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Projects;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Projects;

/// <summary>
/// The portfolio comes in from a spreadsheet; a cadre on the site logs a blocker on a phone; the department removes it;
/// the cadre verifies it; the month's report counts it closed and its PDF names the project.
/// </summary>
public sealed class ProjectJourneyTests(ITestOutputHelper output)
{
    private const string ProjectName = "运河数智算力中心";

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AnImportedProjectsBlockerIsLoggedResolvedVerifiedAndCountedClosedInTheMonthlyReport(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var group = await ProjectAccounts.ServiceGroupAsync(site, "运河数智服务组");

        // The project office brings the portfolio in.
        var office = await site.SignInAsync(StaffRole.ProjectOffice, "330105");
        await ImportPortfolioAsync(site, office);
        await office.GotoAsync("/projects");
        var link = office.Locator("a", new PageLocatorOptions { HasText = ProjectName }).First;
        var projectId = int.Parse((await link.GetAttributeAsync("href"))!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // The cadre of the project's service group logs a land blocker on a phone, in English.
        var cadre = await site.SignInAsync(await ProjectAccounts.CadreAsync(site, group), LayoutSites.Phone("en-US"));
        await cadre.GotoAsync($"/projects/{projectId}/blockers");
        await cadre.SelectOptionAsync("#blocker-type", "Land");
        await cadre.FillAsync("#blocker-description", "地块内尚有两户未签约，影响开工");
        await cadre.ClickAsync("#log-blocker");
        await cadre.WaitForSelectorAsync("#done");
        var caseId = int.Parse(await cadre.Locator("#blockers tbody tr td a").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await BrowserSite.ScreenshotAsync(cadre, $"phone-project-blocker-{kind}");

        // The department it was dispatched to removes it.
        var department = await site.SignInAsync(StaffRole.DepartmentHandler, "330105", await DepartmentOfAsync(site, caseId));
        await department.GotoAsync($"/cases/{caseId}");
        await department.FillAsync("#note", "已完成两户签约，地块可交付");
        await department.ClickAsync("#act-Resolve");
        await department.WaitForSelectorAsync("#done");

        // The cadre checks on the site and closes it.
        await cadre.GotoAsync($"/projects/{projectId}/blockers");
        await cadre.ClickAsync("#blockers tbody tr .verify");
        await cadre.WaitForSelectorAsync("#done");
        Assert.Equal(0, await cadre.Locator(".verify").CountAsync());

        // This month's report (the page opens on the last complete month), a little later, counts it closed, on screen and in its PDF.
        site.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var month = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await office.GotoAsync($"/projects/reports?kind=monthly&period={month}");
        var summary = await office.InnerTextAsync("#section-0");
        Assert.True(summary.Contains("本月办结堵点\t1", StringComparison.Ordinal), summary);
        if (await office.Locator("#report-pdf").CountAsync() > 0)
        {
            var download = await office.RunAndWaitForDownloadAsync(() => office.ClickAsync("#report-pdf"));
            using var pdf = PdfDocument.Open(await download.PathAsync());
            Assert.Contains(ProjectName, string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private static async Task ImportPortfolioAsync(BrowserSite site, IPage office)
    {
        var grid = (await site.Factory.GridsAsync())[0];
        var signed = DateOnly.FromDateTime(site.Factory.Clock.GetUtcNow().UtcDateTime).AddMonths(-3);
        var file = Path.Combine(Path.GetTempPath(), $"projects-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object>
            {
                ["项目编号"] = "GS-J-001", ["项目名称"] = ProjectName, ["投资主体"] = "杭州运河数智科技有限公司", ["产业领域"] = "数字经济",
                ["所在社区"] = grid.Code[..12], ["纬度"] = grid.Latitude, ["经度"] = grid.Longitude, ["计划总投资（万元）"] = 80000,
                ["专项服务组"] = "运河数智服务组", ["签约日期"] = signed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        await office.GotoAsync("/import");
        await office.SelectOptionAsync("#kind", "Projects");
        await office.SetInputFilesAsync("#file", file);
        await office.ClickAsync("#preview");
        await office.ClickAsync("#commit");
        await office.WaitForSelectorAsync("#commit", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Contains("1", await office.InnerTextAsync("#inserts"), StringComparison.Ordinal);
        File.Delete(file);
    }

    private static Task<string> DepartmentOfAsync(BrowserSite site, int caseId) => site.Factory.AsSystemAsync(async sp =>
        (await sp.GetRequiredService<CivicGridDbContext>().SystemWork().Cases.SingleAsync(c => c.Id == caseId)).DepartmentCode!);
}
