using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests;

/// <summary>What a signed-in resident does on the phone in more than one journey.</summary>
internal static partial class ResidentSteps
{
    /// <summary>
    /// The form is answered once the case is committed by the intake's group commit; with the whole suite running on two
    /// cores (three server nodes and a kill loop beside it) that has taken longer than the default 30 s.
    /// </summary>
    public static readonly float SubmitTimeout = 90_000;

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePage();

    /// <summary>Raises a parking case at the middle of the map and returns its id, from the case page the form leads to.</summary>
    public static async Task<int> RaiseCaseAsync(IPage page)
    {
        await page.GotoAsync("/cases/new");
        await page.SelectOptionAsync("#item", "0303");
        await page.FillAsync("#description", "小区夜间停车位不足，车辆占用消防通道");
        await page.WaitForSelectorAsync("#pick-map path.leaflet-interactive");
        var map = (await page.Locator("#pick-map").BoundingBoxAsync())!;
        await page.Locator("#pick-map").TapAsync(new LocatorTapOptions { Position = new Position { X = map.Width / 2, Y = map.Height / 2 } });
        await page.ClickAsync("#submit-case");
        await page.WaitForURLAsync(CasePage(), new PageWaitForURLOptions { Timeout = SubmitTimeout });
        return int.Parse(page.Url.Split('/')[^1], CultureInfo.InvariantCulture);
    }
}
