using System.Globalization;
using System.Text.RegularExpressions;
using CivicGrid.App.Access;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Accounts;

public sealed partial class FreshStartJourneyTests
{
    [GeneratedRegex(@"one-time password: (\S+)")]
    private static partial Regex PrintedPassword();

    // On SQLite, the embedded default a district starts with; every PostgreSQL test starts from a freshly migrated
    // database, and the steps after it (territory, accounts) are the same code on both engines.
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task ADistrictPutsCivicGridIntoServiceFromABlankDatabaseWithoutTheDemo(DatabaseKind kind)
    {
        await using var site = await FreshSite.CreateAsync(kind);
        await site.CliAsync("migrate");
        await site.CliAsync("demo-files", "--scale", "tiny", "--out", site.Files);
        await site.CliAsync("import-territory", Path.Combine(site.Files, "territory.geojson"));
        foreach (var (importKind, file) in new[] { ("Buildings", "buildings.csv"), ("Households", "households.csv"), ("Residents", "residents.csv") })
        {
            await site.CliAsync("import", importKind, Path.Combine(site.Files, file));
        }
        var printed = await site.CliAsync("accounts", "create-admin", "--user-name", "chen.admin", "--display-name", "陈主任");
        var adminPassword = PrintedPassword().Match(printed).Groups[1].Value;
        Assert.True(adminPassword.Length >= 12, printed);
        await site.StartAsync();
        var registry = FreshRegistry.Read(site);

        var (admin, _) = await StartWorkAsync(site, "chen.admin", adminPassword, "District-admin-pass-3", LayoutSites.Laptop("zh-CN"));
        var streetPassword = await OpenAccountAsync(admin, "wang.street", "王街道", StaffRole.StreetOfficial, registry.Grid[..9]);
        var (official, _) = await StartWorkAsync(site, "wang.street", streetPassword, "Street-official-pass-5", LayoutSites.Laptop("zh-CN"));
        var workerPassword = await OpenAccountAsync(official, "li.grid", "李网格", StaffRole.GridWorker, registry.Grid);
        // The grid worker starts on a phone, then signs in again there with a code from the authenticator.
        var (_, key) = await StartWorkAsync(site, "li.grid", workerPassword, "Grid-worker-pass-8", LayoutSites.Phone());
        var worker = await SignInWithCodeAsync(site, "li.grid", "Grid-worker-pass-8", key, LayoutSites.Phone());

        await worker.GotoAsync("/residents");
        Assert.Contains(registry.InGrid.ToString("N0", CultureInfo.InvariantCulture), await worker.InnerTextAsync("#result-count"), StringComparison.Ordinal);
        Assert.True(registry.InGrid < registry.Total, $"{registry.InGrid} of {registry.Total} residents are in the grid");
        var width = await worker.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the resident list is {width} px wide on the grid worker's phone");
        Assert.Equal(403, (await worker.GotoAsync("/api/admin/accounts"))!.Status);

        var caseId = await SignUpAndRaiseCaseAsync(site, registry);
        await using var harness = AppHarness.For(site.Database);
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        var submitter = await scope.Db.Cases.Where(c => c.Id == caseId)
            .Join(scope.Db.Users, c => c.SubmitterId, u => u.Id, (c, u) => u.ResidentId).SingleAsync();
        var linked = await scope.Db.Residents.Where(r => r.Id == submitter).Select(r => new { r.Name, r.GridCode }).SingleAsync();
        Assert.Equal((registry.ResidentName, registry.Grid), (linked.Name, linked.GridCode));
    }

    /// <summary>
    /// Signs in with the one-time password, chooses its own, and enrols the authenticator the role requires; returns
    /// the page, ready to work, and the authenticator's key (what the phone's app now holds).
    /// </summary>
    private static async Task<(IPage Page, string Key)> StartWorkAsync(FreshSite site, string userName, string oneTime, string own, BrowserNewContextOptions options)
    {
        var page = await site.NewPageAsync(options);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#password-must-change");
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", own);
        await page.FillAsync("#confirm", own);
        await page.ClickAsync("#change-password");
        await page.WaitForSelectorAsync("#password-changed");

        await page.GotoAsync("/cases");
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#two-factor-required");
        var key = (await page.InnerTextAsync("#shared-key")).Trim();
        await page.FillAsync("#enable-code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("#enable-two-factor");
        await page.WaitForSelectorAsync("#recovery-codes");
        await page.GotoAsync("/cases");
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        return (page, key);
    }

    private static async Task<IPage> SignInWithCodeAsync(FreshSite site, string userName, string password, string key, BrowserNewContextOptions options)
    {
        var page = await site.NewPageAsync(options);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#code");
        await page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("#two-factor-submit");
        await page.WaitForSelectorAsync("#who", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
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

    /// <summary>A resident of the imported registry signs up on a phone with the texted code and raises a case; returns its id.</summary>
    private static async Task<int> SignUpAndRaiseCaseAsync(FreshSite site, FreshRegistry registry)
    {
        const string phone = "13900000019";
        var page = await site.NewPageAsync(LayoutSites.Phone());
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#register-link");
        await page.FillAsync("#phone", phone);
        await page.ClickAsync("#send-code");
        await page.WaitForSelectorAsync("#code-sent");
        await page.FillAsync("#code", SmsInbox.LatestCode(site.Sms, phone));
        await page.FillAsync("#name", registry.ResidentName);
        await page.FillAsync("#id-number", registry.ResidentIdNumber);
        await page.SelectOptionAsync("#community", registry.Grid[..12]);
        await page.FillAsync("#new-password", "Pale-harbour-lantern-7");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("#home-new-case");
        Assert.Equal(0, await page.Locator("#sign-up-pending").CountAsync());

        var caseId = await ResidentSteps.RaiseCaseAsync(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the case page is {width} px wide on the resident's phone");
        return caseId;
    }
}
