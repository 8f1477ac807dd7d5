using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Home;

public sealed class HomePageTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AGridWorkersHomeListsTheCasesWaitingOverdueFirstAndWhatElseIsDue(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var worker = await site.SignInAsync(StaffRole.GridWorker, grid.Code);
        var late = await LayoutSites.RaiseCaseAsync(worker, grid);
        site.Factory.Clock.Advance(TimeSpan.FromDays(10));
        var fresh = await LayoutSites.RaiseCaseAsync(worker, grid);

        await worker.GotoAsync("/");

        var first = worker.Locator("#work-cases .work-case").First;
        Assert.Equal($"cases/{late}", await first.GetAttributeAsync("href"));
        Assert.Equal(1, await first.Locator(".work-overdue").CountAsync());
        Assert.Equal(1, await worker.Locator($"#work-cases a[href='cases/{fresh}']").CountAsync());
        Assert.Equal(0, await worker.Locator($"#work-cases a[href='cases/{fresh}'] .work-overdue").CountAsync());
        foreach (var list in new[] { "#work-visits", "#work-offers", "#work-days", "#stats" })
        {
            Assert.True(await worker.Locator(list).IsVisibleAsync(), list);
        }
        await worker.ClickAsync("#work-overdue-link");
        await worker.WaitForURLAsync("**/cases?*overdue=true*");
        Assert.Contains($"#{late}", await worker.InnerTextAsync("#cases"), StringComparison.Ordinal);
        await worker.GotoAsync("/");
        await BrowserSite.ScreenshotAsync(worker, $"home-grid-worker-{kind}");
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AResidentsHomeIsTheirStartWithTheirCasesServicesAndLifeEvents(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var resident = await site.SignInAsync(await LayoutSites.LinkedResidentAsync(site, grid.Code), LayoutSites.Phone());
        var raised = await LayoutSites.RaiseCaseAsync(resident, grid);

        await resident.GotoAsync("/");

        Assert.DoesNotContain("即将开放", await resident.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await resident.Locator($"#my-cases a[href='cases/{raised}']").CountAsync());
        foreach (var list in new[] { "#my-offers", "#my-life-events", "#my-deliberation" })
        {
            Assert.True(await resident.Locator(list).IsVisibleAsync(), list);
        }
        Assert.Equal(0, await resident.Locator("#work-visits, #stats").CountAsync());
        await BrowserSite.ScreenshotAsync(resident, $"home-resident-{kind}");
        await resident.ClickAsync("#home-new-case");
        await resident.WaitForURLAsync("**/cases/new");
    }

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task ADepartmentHandlersHomeListsOnlyItsCases(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var handler = await site.SignInAsync(StaffRole.DepartmentHandler, "330105", "CG");

        await handler.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(await handler.Locator("#work-cases").IsVisibleAsync());
        Assert.Equal(0, await handler.Locator("#work-visits, #work-offers, #stats").CountAsync());
    }
}
