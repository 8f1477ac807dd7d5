using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Layout;

public sealed class PhoneLayoutTests(ITestOutputHelper output)
{
    private static readonly string[] WorkerPages =
        ["/", "/cases", "/cases/new", "/territory", "/residents", "/residents/register", "/services", "/visits", "/facilities", "/deliberation",
         "/enterprises", "/business-communities", "/dashboard", "/coverage", "/import", "/inbox", "/account/password",
         "/account/two-factor", "/residents/pending-accounts", "/activities", "/volunteers", "/visit-plans", "/visit-plans/coverage", "/hotspots", "/teams", "/cash/failures", "/cockpit", "/assessment", "/assessment/schemes/new"];

    private static readonly string[] ResidentPages =
        ["/", "/cases", "/cases/new", "/my/services", "/my/activities", "/inbox", "/account/password", "/account/two-factor", "/community/cases",
         "/community/cases?status=following", "/community/deliberation"];

    // One engine per walk (this one SQLite, the laptop walk PostgreSQL); see LanguageLayoutTests.
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task EveryPageTheGridWorkerAndTheResidentUseFitsA390PixelPhoneInBothLanguages(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var residentName = await LayoutSites.LinkedResidentAsync(site, grid.Code);
        var workerName = await site.Factory.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var records = await LayoutSites.RecordPagesAsync(site, grid.Code);
        var problems = new List<string>();

        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var resident = await site.SignInAsync(residentName, LayoutSites.Phone(locale));
            var caseId = await LayoutSites.RaiseCaseAsync(resident, grid);
            problems.AddRange(await PageFit.ProblemsAsync(resident, [.. ResidentPages, $"/cases/{caseId}", $"/community/cases/{caseId}"]));
            await BrowserSite.ScreenshotAsync(resident, $"phone-resident-case-{locale}");
            var worker = await site.SignInAsync(workerName, LayoutSites.Phone(locale));
            // The English walk also looks for Chinese words on the same visit of each page.
            var wordsChecked = locale == "en-US" ? WorkerPages.Concat(records).ToHashSet() : null;
            problems.AddRange(await PageFit.ProblemsAsync(worker, [.. WorkerPages, .. records, $"/cases/{caseId}"], wordsChecked));
            await worker.GotoAsync("/residents");
            await BrowserSite.ScreenshotAsync(worker, $"phone-worker-residents-{locale}");
        }

        // A page that failed once in a busy run: the server's errors go with the message, to find out why.
        var errors = site.Factory.Logs.AtLeast(LogLevel.Error);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Concat(errors)));
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task OnAPhoneTheCaseFormShowsItsMapBeforeTheSubmitButtonWithGridsLargeEnoughToTap(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var resident = await site.SignInAsync(await LayoutSites.LinkedResidentAsync(site, grid.Code), LayoutSites.Phone());

        await resident.GotoAsync("/cases/new");
        await resident.WaitForSelectorAsync("#pick-map path.leaflet-interactive");
        var map = (await resident.Locator("#pick-map").BoundingBoxAsync())!;
        var submit = (await resident.Locator("#submit-case").BoundingBoxAsync())!;
        Assert.True(map.Y + map.Height <= submit.Y, $"map ends at {map.Y + map.Height}, submit starts at {submit.Y}");

        var smallest = await resident.EvaluateAsync<double>("""
            () => {
                const box = document.getElementById('pick-map').getBoundingClientRect();
                const sizes = [...document.querySelectorAll('#pick-map path.leaflet-interactive')]
                    .map(p => p.getBoundingClientRect())
                    .filter(r => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom)
                    .map(r => Math.min(r.width, r.height));
                return sizes.length === 0 ? 0 : Math.min(...sizes);
            }
            """);
        Assert.True(smallest >= 40, $"the smallest whole grid on the map is {smallest} px across");

        await resident.Locator("#pick-map").TapAsync(new LocatorTapOptions { Position = new Position { X = map.Width / 2, Y = map.Height / 2 } });
        Assert.NotEqual("", await resident.InputValueAsync("#latitude"));
        await BrowserSite.ScreenshotAsync(resident, "phone-case-form");
    }
}
