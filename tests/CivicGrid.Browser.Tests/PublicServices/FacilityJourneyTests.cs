using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.PublicServices;

public class FacilityJourneyTests(ITestOutputHelper output)
{
    /// <summary>A name with markup in it, as a careless or hostile editor might type.</summary>
    private const string Name = "浏览器测试社区食堂<b>粗</b><img src=x>";

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task CommunityStaffPlaceAFacilityOnTheMapAndSeeTheirCommunitysCoverage(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var page = await site.SignInAsync(StaffRole.CommunityStaff, grid.Code[..12]);

        await page.ClickAsync("#nav-facilities");
        await page.WaitForSelectorAsync("#facility-map[data-markers]");
        Assert.NotEqual("0", await page.GetAttributeAsync("#facility-map", "data-markers"));
        await page.ClickAsync("#new-facility");
        await page.WaitForSelectorAsync("#facility-pick.leaflet-container");
        await page.FillAsync("#name", Name);
        await page.SelectOptionAsync("#type", "canteen");
        await page.SelectOptionAsync("#grid", grid.Code);
        await page.FillAsync("#address", "测试路 8 号");
        await page.FillAsync("#area", "260");
        await page.CheckAsync("#service-choices input[value=S02]");
        await page.Locator("#facility-pick").ClickAsync();
        var latitude = await page.InputValueAsync("#latitude");
        await page.ClickAsync("#save-facility");
        await page.WaitForSelectorAsync("#facility");
        var heading = await page.InnerTextAsync("h1");
        // The map's tooltip shows the typed name as text: its markup stays letters, never elements.
        await page.Locator("#facility-map path.leaflet-interactive").First.HoverAsync();
        var tooltip = await page.WaitForSelectorAsync(".leaflet-tooltip");
        var tooltipText = await tooltip!.InnerTextAsync();
        var tooltipElements = await page.Locator(".leaflet-tooltip b, .leaflet-tooltip img").CountAsync();
        await BrowserSite.ScreenshotAsync(page, $"facility-{kind}");

        await page.ClickAsync("#nav-coverage");
        await page.WaitForSelectorAsync("#summary");
        await page.SelectOptionAsync("#type", "canteen");
        await page.ClickAsync("#coverage-filters button[type=submit]");
        await page.WaitForSelectorAsync("#coverage-map[data-points]");
        await BrowserSite.ScreenshotAsync(page, $"coverage-{kind}");

        Assert.NotEmpty(latitude);
        Assert.Contains(Name, heading, StringComparison.Ordinal);
        Assert.Contains(Name, tooltipText, StringComparison.Ordinal);
        Assert.Equal(0, tooltipElements);
        Assert.NotEqual("0", await page.GetAttributeAsync("#coverage-map", "data-points"));
        Assert.NotEqual("0", await page.GetAttributeAsync("#coverage-map", "data-facilities"));
    }
}
