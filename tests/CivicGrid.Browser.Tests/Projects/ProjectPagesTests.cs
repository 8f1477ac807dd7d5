using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using CivicGrid.Browser.Tests.Layout;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Projects;

public sealed class ProjectPagesTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task ThePortfolioAndAProjectFitA390PixelPhoneInBothLanguages(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var id = await site.Factory.AsSystemAsync(async sp => (await sp.GetRequiredService<SaveProjectHandler>().HandleAsync(new SaveProject(null,
            new ProjectRequest("GS-2026-001", "运河数智产业园", "杭州运河数智科技有限公司", "数字经济", grid.Code[..12], grid.Latitude, grid.Longitude)
            {
                PlannedInvestment = Money.TenThousandYuan(120_000), ContactName = "王经理", ContactPhone = "13800001111",
                Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), new GateDates(ProjectStage.Landed, new DateOnly(2026, 3, 1)),
                    new GateDates(ProjectStage.Started, new DateOnly(2026, 6, 1))],
            }), CancellationToken.None)).Value);
        var office = await site.Factory.CreateAccountAsync(StaffRole.ProjectOffice, grid.Code[..6]);
        string[] pages = ["/projects", "/projects?notYet=Started", $"/projects/{id}", $"/projects/{id}/blockers", "/projects/overview", "/projects/rates",
            "/projects/reports?kind=daily", "/projects/reports?kind=weekly", "/projects/reports?kind=monthly", "/projects/new", $"/projects/{id}/edit"];
        var problems = new List<string>();

        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var page = await site.SignInAsync(office, LayoutSites.Phone(locale));
            problems.AddRange(await PageFit.ProblemsAsync(page, pages, locale == "en-US" ? pages.ToHashSet() : null));
            await page.GotoAsync($"/projects/{id}");
            await BrowserSite.ScreenshotAsync(page, $"phone-project-{locale}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
