using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Accounts;

public sealed class StaffImportJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AStreetOfficialImportsGridWorkersOnAPhoneAndReadsEachOneTimePasswordOnceWhichTheWorkerMustChange(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0].Code;
        var official = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.StreetOfficial, grid[..9]), LayoutSites.Phone("en-US"));
        var file = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"用户名,姓名,角色,所属区划编码,手机号\r\nzhou.grid,周网格,网格员,{grid},13700000021\r\nwu.grid,吴网格,网格员,{grid},\r\n");

        await official.GotoAsync("/import");
        await official.SelectOptionAsync("#kind", "Staff");
        await official.SetInputFilesAsync("#file", file);
        await official.ClickAsync("#preview");
        await official.WaitForSelectorAsync("#commit");
        Assert.Equal(0, await official.Locator("#passwords").CountAsync());
        await official.ClickAsync("#commit");
        await official.WaitForSelectorAsync("#password-table");
        await BrowserSite.ScreenshotAsync(official, $"phone-staff-import-{kind}");
        var width = await official.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the import result is {width} px wide");
        var row = official.Locator("#password-table tbody tr", new PageLocatorOptions { HasText = "zhou.grid" });
        var password = (await row.Locator("code").InnerTextAsync()).Trim();
        File.Delete(file);

        var worker = await (await site.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        await worker.GotoAsync("/account/login");
        await worker.FillAsync("#username", "zhou.grid");
        await worker.FillAsync("#password", password);
        await worker.ClickAsync("button[type=submit]");
        await worker.WaitForSelectorAsync("#password-must-change");
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
