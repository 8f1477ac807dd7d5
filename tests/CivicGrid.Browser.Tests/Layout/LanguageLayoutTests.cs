using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Layout;

public sealed class LanguageLayoutTests(ITestOutputHelper output)
{
    private static readonly string[] AdminPages =
        ["/", "/cases", "/cases/new", "/dashboard", "/territory", "/residents", "/residents/register", "/services", "/services/new", "/visits",
         "/facilities", "/facilities/new", "/coverage", "/import", "/deliberation", "/enterprises", "/business-communities", "/inbox",
         "/admin/tags", "/admin/audit", "/admin/webhooks", "/admin/integration-keys", "/admin/accounts", "/admin/accounts/new", "/account/password",
         "/account/two-factor", "/residents/pending-accounts", "/enterprise-needs", "/enterprise-offers", "/enterprise-dashboard", "/challenges",
         "/address-alignment", "/sweeps/assignments", "/activities", "/volunteers", "/visit-plans", "/visit-plans/coverage", "/visit-plans/policy", "/hotspots", "/teams",
         "/cash/S01", "/cash/S01/schedule", "/cash/failures", "/cockpit", "/assessment", "/assessment/schemes/new"];

    // One engine per walk (this one PostgreSQL, the phone walk SQLite): a page's text and layout do not depend on it,
    // and each engine's queries behind these pages are tested on both in the web tests.
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task EveryPageOfTheDistrictAdminHasItsEnglishTextAndFitsALaptopInBothLanguages(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var adminName = await site.Factory.CreateAccountAsync(StaffRole.DistrictAdmin, "330105");
        var records = await LayoutSites.RecordPagesAsync(site, grid.Code);
        var service = records.Single(p => p.StartsWith("/services/", StringComparison.Ordinal));
        var problems = new List<string>();

        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var admin = await site.SignInAsync(adminName, LayoutSites.Laptop(locale));
            var caseId = await LayoutSites.RaiseCaseAsync(admin, grid);
            // The English walk also looks for Chinese words on the same visit of each page.
            var wordsChecked = locale == "en-US" ? AdminPages.Concat(records).Append(service + "/edit").ToHashSet() : null;
            problems.AddRange(await PageFit.ProblemsAsync(admin, [.. AdminPages, .. records, $"/cases/{caseId}", service + "/edit"], wordsChecked));
            await admin.GotoAsync("/");
            await BrowserSite.ScreenshotAsync(admin, $"laptop-admin-home-{locale}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
