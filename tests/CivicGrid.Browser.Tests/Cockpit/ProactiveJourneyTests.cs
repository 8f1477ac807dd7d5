using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Cockpit;

/// <summary>
/// A street official finds a hotspot from the cockpit, sends its grid a proactive task (未诉先办) on a phone, and the
/// district admin reads the cockpit on a large screen in English: the map coloured, the task counted.
/// </summary>
public sealed class ProactiveJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AnOfficialSendsAHotspotsTaskFromTheCockpitAndTheDistrictSeesIt(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var worker = await site.SignInAsync(StaffRole.GridWorker, grid.Code);
        for (var i = 0; i < 5; i++)
        {
            var response = await worker.APIRequest.PostAsync("/api/cases", new APIRequestContextOptions
            {
                DataObject = new { itemCode = "0502", description = $"小区第{i + 1}处路灯不亮", latitude = grid.Latitude, longitude = grid.Longitude },
            });
            Assert.True(response.Ok, await response.TextAsync());
        }
        var official = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.StreetOfficial, grid.Code[..9]), LayoutSites.Phone());

        await official.GotoAsync("/dashboard");
        await official.ClickAsync("#cockpit-link");
        await official.WaitForURLAsync("**/cockpit?scope=*");
        await official.WaitForSelectorAsync("#cockpit-map[data-areas-drawn]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var drawn = int.Parse(await official.GetAttributeAsync("#cockpit-map", "data-areas-drawn") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var wide = await official.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await BrowserSite.ScreenshotAsync(official, $"cockpit-phone-{kind}");
        await official.ClickAsync("#cockpit a[href^='hotspots']");
        await official.WaitForURLAsync("**/hotspots?scope=*");
        var hotspot = official.Locator($"#hotspots [data-item='0502'][data-grid='{grid.Code}']");
        await hotspot.Locator(".open-task").ClickAsync();
        await official.WaitForSelectorAsync("#task-opened");
        var taskLink = await official.GetAttributeAsync("#task-opened a", "href");
        var shown = await hotspot.Locator(".hotspot-task").InnerTextAsync();

        var admin = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.DistrictAdmin, "330105"), LayoutSites.Laptop("en-US"));
        await admin.SetViewportSizeAsync(1920, 1080);
        await admin.GotoAsync("/cockpit");
        await admin.WaitForSelectorAsync("#cockpit-map[data-areas-drawn]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var heading = await admin.InnerTextAsync("#cockpit h1");
        var tasks = await admin.InnerTextAsync("#cockpit");
        await BrowserSite.ScreenshotAsync(admin, $"cockpit-screen-{kind}");

        Assert.True(drawn > 0, "the street's communities are drawn and coloured");
        Assert.True(wide <= 390, $"the cockpit is {wide} px wide on a phone");
        Assert.StartsWith("cases/", taskLink, StringComparison.Ordinal);
        Assert.Contains("已派发主动处置任务", shown, StringComparison.Ordinal);
        Assert.Contains("District governance cockpit", heading, StringComparison.Ordinal);
        Assert.Contains("1 proactive tasks sent", tasks, StringComparison.Ordinal);
        Assert.Empty(LayoutSites.Untranslated(site));
    }
}
