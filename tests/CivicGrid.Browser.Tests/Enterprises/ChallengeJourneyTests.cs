using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Enterprises;

/// <summary>
/// 揭榜挂帅 on phones through the pages' own forms: one firm's contact publishes a challenge, another firm's contact (in
/// English) claims and delivers it, the publisher evaluates it; business-community staff record a step of a firm's
/// address-alignment follow-up.
/// </summary>
public sealed class ChallengeJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AChallengeIsPublishedClaimedDeliveredAndEvaluatedAndAFirmIsFollowedUp(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var (a, b) = await FirmsAsync(site);
        var publisher = await site.SignInAsync(await AccountAsync(site, "publisher", StaffRole.EnterpriseContact, a.Grid, a), LayoutSites.Phone("zh-CN"));
        var solver = await site.SignInAsync(await AccountAsync(site, "solver", StaffRole.EnterpriseContact, b.Grid, b), LayoutSites.Phone("en-US"));
        var staff = await site.SignInAsync(await AccountAsync(site, "staff", StaffRole.BusinessCommunityStaff, a.Street, a with { Id = null }), LayoutSites.Phone("zh-CN"));

        await publisher.GotoAsync("/challenges/new");
        await publisher.FillAsync("#title", "AI企业招聘难");
        await publisher.FillAsync("#description", "急需算法工程师，希望对接高校毕业生");
        await publisher.FillAsync("#reward-wan", "3");
        await publisher.ClickAsync("#publish-challenge");
        await publisher.WaitForSelectorAsync("#challenge-facts");
        var id = publisher.Url.Split('/').Last().Split('?')[0];

        await solver.GotoAsync("/challenges");
        await solver.ClickAsync($"a[href='challenges/{id}']");
        await solver.ClickAsync("#move-claim");
        await solver.WaitForSelectorAsync("#move-deliver");
        var width = await solver.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await solver.ClickAsync("#move-deliver");
        var refusedDelivery = await solver.InnerTextAsync("#errors");
        await solver.FillAsync("#note", "Two campus fairs held, 12 interns placed");
        await solver.ClickAsync("#move-deliver");
        await solver.WaitForSelectorAsync("#delivery");

        await publisher.GotoAsync($"/challenges/{id}");
        await publisher.ClickAsync("#move-evaluate");
        await publisher.WaitForSelectorAsync("#score");
        var evaluated = await publisher.InnerTextAsync("#challenge-status");
        var steps = await publisher.Locator("#timeline li").CountAsync();

        await staff.GotoAsync("/address-alignment");
        await staff.ClickAsync($"a[href='address-alignment/{a.Id}']");
        await staff.FillAsync("#note", "电话联系财务负责人");
        await staff.ClickAsync("#step-contact");
        await staff.WaitForSelectorAsync("#done");
        var followed = await staff.InnerTextAsync("#alignment-status");

        Assert.True(width <= 390, $"the challenge page is {width} px wide on a phone");
        Assert.Contains("说明", refusedDelivery, StringComparison.Ordinal);
        Assert.Equal("已评价", evaluated);
        Assert.Equal(4, steps);
        Assert.Equal("已联系", followed);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private sealed record Firm(int? Id, string Grid, string Street, int Community);

    /// <summary>Two firms of one business community, the first with registered and office addresses that differ.</summary>
    private static Task<(Firm, Firm)> FirmsAsync(BrowserSite site) => site.Factory.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var firms = await db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id).Take(2).ToListAsync();
        firms[0].RegisteredAddress = "莫干山路100号";
        await db.SaveChangesAsync();
        var placed = await db.Enterprises.Where(e => e.Id == firms[0].Id || e.Id == firms[1].Id).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value)).ToListAsync();
        return (placed[0], placed[1]);
    });

    private static Task<string> AccountAsync(BrowserSite site, string name, StaffRole role, string scope, Firm firm) => site.OpenAccountAsync(new StaffUser
    {
        UserName = $"challenge-{name}", DisplayName = role.ChineseName(), Role = role, ScopeCode = scope, EnterpriseId = firm.Id, BusinessCommunityId = firm.Community,
    });
}
