using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Accounts;

public sealed class AccountJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task TheDistrictOpensAStreetAccountWhichOpensAGridWorkersAndEachChoosesItsOwnPasswordFirst(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0].Code;
        var street = grid[..9];
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");

        var streetPassword = await OpenAccountAsync(admin, "wang.street", "王街道", StaffRole.StreetOfficial, street);
        // The street official works from a phone.
        var official = await FirstSignInAsync(site, "wang.street", streetPassword, "Street-official-pass-5", LayoutSites.Phone());
        var problems = new List<string>(await PageFit.ProblemsAsync(official, ["/admin/accounts", "/admin/accounts/new"]));
        var workerPassword = await OpenAccountAsync(official, "li.grid", "李网格", StaffRole.GridWorker, grid);
        await official.GotoAsync("/admin/accounts");
        Assert.Contains("li.grid", await official.InnerTextAsync("#accounts"), StringComparison.Ordinal);
        problems.AddRange(await PageFit.ProblemsAsync(official, "/admin/accounts"));
        await BrowserSite.ScreenshotAsync(official, "phone-accounts");

        var worker = await FirstSignInAsync(site, "li.grid", workerPassword, "Grid-worker-pass-8", LayoutSites.Phone());
        await worker.GotoAsync("/residents");
        var inGrid = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Residents.IgnoreQueryFilters().CountAsync(r => r.GridCode == grid));
        var total = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Residents.IgnoreQueryFilters().CountAsync());

        Assert.Contains(inGrid.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await worker.InnerTextAsync("#result-count"), StringComparison.Ordinal);
        Assert.True(inGrid < total);
        Assert.Equal(403, (await worker.GotoAsync("/api/admin/accounts"))!.Status);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Fills the new-account page and returns the one-time password it shows.</summary>
    private static async Task<string> OpenAccountAsync(IPage page, string userName, string displayName, StaffRole role, string scope)
    {
        await page.GotoAsync("/admin/accounts/new");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#display-name", displayName);
        await page.SelectOptionAsync("#role", role.ToString());
        await page.FillAsync("#scope", scope);
        await page.ClickAsync("#create-account");
        return (await page.InnerTextAsync("#one-time-password")).Trim();
    }

    /// <summary>Signs in with the one-time password, is held at the password page, and chooses its own.</summary>
    private static async Task<IPage> FirstSignInAsync(BrowserSite site, string userName, string oneTime, string own, BrowserNewContextOptions options)
    {
        var page = await (await site.NewContextAsync(options)).NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#password-must-change");
        await page.GotoAsync("/cases");
        Assert.EndsWith("/account/password", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", own);
        await page.FillAsync("#confirm", own);
        await page.ClickAsync("#change-password");
        await page.WaitForSelectorAsync("#password-changed");
        await page.GotoAsync("/cases");
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        return page;
    }
}
