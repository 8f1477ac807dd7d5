using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Enterprises;

/// <summary>
/// A building sweep end to end: business-community staff give a building to a runner, the runner on a phone records a
/// visit with a need found and a photo, the need is on the staff's list, the photo in the visit history and the
/// dashboard's visit coverage moves; the assignments' map colours the unvisited buildings red.
/// </summary>
public sealed class SweepJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task ARunnerRecordsAVisitWithANeedOnAPhoneAndStaffSeeTheNeedAndTheCoverage(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var firm = await FirmAsync(site);
        var staff = await site.SignInAsync(await AccountAsync(site, StaffRole.BusinessCommunityStaff, "staff-sweep", firm), LayoutSites.Laptop("zh-CN"));
        var runner = await site.SignInAsync(await AccountAsync(site, StaffRole.Runner, "runner-sweep", firm), LayoutSites.Phone("en-US"));

        await staff.GotoAsync("/enterprise-dashboard");
        var before = await staff.InnerTextAsync("#sweep-total");
        await staff.GotoAsync("/sweeps/assignments");
        await staff.SelectOptionAsync("#runner", "runner-sweep");
        await staff.CheckAsync($"#pick-{firm.Building}");
        await staff.ClickAsync("#assign");
        await staff.WaitForSelectorAsync($"tr[data-building='{firm.Building}'] button");
        await staff.WaitForFunctionAsync("() => Number(document.getElementById('sweep-map').dataset.markers) > 0");
        var poor = await staff.Locator("#sweep-map path.leaflet-interactive[stroke='#dc2626']").CountAsync();

        await runner.GotoAsync("/sweeps");
        await runner.ClickAsync($"#building-{firm.Building} summary");
        await runner.ClickAsync($"#firms-{firm.Building} .firm[data-enterprise='{firm.Id}'] a");
        await runner.ClickAsync("#record-visit");
        var refused = await runner.InnerTextAsync("#errors");
        await runner.FillAsync("#met-whom", "Office manager");
        await runner.SelectOptionAsync("#need-category-0", "hiring");
        await runner.FillAsync("#need-text-0", "Five sales staff before spring");
        await runner.SetInputFilesAsync("#photos", new FilePayload { Name = "visit.png", MimeType = "image/png", Buffer = TestImages.Png() });
        await runner.WaitForFunctionAsync("() => document.getElementById('photo-ids').value.length > 0");
        await runner.ClickAsync("#record-visit");
        await runner.WaitForSelectorAsync("#recorded");
        var width = await runner.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        await staff.GotoAsync("/enterprise-needs");
        var listed = await staff.Locator("body", new() { HasText = "Five sales staff before spring" }).CountAsync();
        await staff.GotoAsync("/enterprise-dashboard");
        var after = await staff.InnerTextAsync("#sweep-total");
        await staff.GotoAsync("/sweeps/visits");
        await staff.WaitForFunctionAsync("() => { const i = document.querySelector('.visit-photos img'); return i && i.complete && i.naturalWidth > 0; }");

        Assert.True(poor > 0, "no building drawn red before any visit");
        Assert.Contains("走访对象", refused, StringComparison.Ordinal);
        Assert.True(width <= 390, $"the sweep page is {width} px wide on a phone");
        Assert.Equal(1, listed);
        Assert.NotEqual(before, after);
        Assert.StartsWith("扫楼跑企：已访 1 /", after, StringComparison.Ordinal);
        await site.Factory.AsSystemAsync(async sp =>
        {
            var need = await sp.GetRequiredService<CivicGridDbContext>().EnterpriseNeeds.AsNoTracking().SingleAsync();
            Assert.Equal((NeedSource.Visit, firm.Id), (need.Source, need.EnterpriseId));
            Assert.NotNull(need.VisitId);
            return true;
        });
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private sealed record Firm(int Id, int Building, string Street, int Community);

    private static Task<Firm> FirmAsync(BrowserSite site) => site.Factory.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.BuildingId!.Value, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value)).FirstAsync());

    private static Task<string> AccountAsync(BrowserSite site, StaffRole role, string userName, Firm firm) => site.OpenAccountAsync(new StaffUser
    {
        UserName = userName, DisplayName = role.ChineseName(), Role = role, ScopeCode = firm.Street, BusinessCommunityId = firm.Community,
    });
}
