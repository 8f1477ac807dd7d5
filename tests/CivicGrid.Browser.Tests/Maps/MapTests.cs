using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Maps;

/// <summary>Without tiles the maps still show what the system knows: boundaries with their names, buildings, a legend.</summary>
public sealed class MapTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task TheTerritoryMapNamesItsAreasOnTheMapAndInALegendAndShowsAGridsBuildings(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");

        await admin.GotoAsync("/territory/330105001");
        await admin.WaitForSelectorAsync("#map[data-features] #map-legend");
        Assert.Contains("德胜社区", string.Join(" ", await admin.Locator("#map .map-label").AllInnerTextsAsync()), StringComparison.Ordinal);
        var legend = await admin.InnerTextAsync("#map-legend");
        Assert.Contains("德胜社区", legend, StringComparison.Ordinal);
        Assert.Contains("本级边界", legend, StringComparison.Ordinal);

        await admin.GotoAsync("/territory/330105001001001");
        await admin.WaitForSelectorAsync("#map[data-features] #map-legend");
        Assert.Contains("楼栋", await admin.InnerTextAsync("#map-legend"), StringComparison.Ordinal);
        await BrowserSite.ScreenshotAsync(admin, $"map-grid-{kind}");
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task TheCasePageShowsTheCasesOwnPointInItsGrid(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var resident = await site.SignInAsync(await LayoutSites.LinkedResidentAsync(site, grid.Code), LayoutSites.Phone());
        var raised = await LayoutSites.RaiseCaseAsync(resident, grid);

        await resident.GotoAsync($"/cases/{raised}");
        await resident.WaitForSelectorAsync("#case-map[data-drawn] .map-legend");

        Assert.Contains("诉求位置", await resident.InnerTextAsync("#case-map .map-legend"), StringComparison.Ordinal);
        Assert.Equal(1, await resident.Locator("#case-map .map-label").CountAsync());
        Assert.True(await resident.Locator("#case-map path").CountAsync() >= 2);
        await BrowserSite.ScreenshotAsync(resident, $"case-map-{kind}");
    }
}
