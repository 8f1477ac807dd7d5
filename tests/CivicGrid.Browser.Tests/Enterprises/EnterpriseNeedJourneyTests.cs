using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Enterprises;

/// <summary>
/// The enterprise lists end to end, through the pages' own forms: a contact on a phone in English raises a financing
/// need, business-community staff at a desk add the bank's line, match the need to it and record the loan, and the
/// contact rates it; a need no offer can meet is sent into the case loop and comes back resolved when its case closes.
/// </summary>
public sealed class EnterpriseNeedJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AFinancingNeedIsMatchedToTheBanksLineLoanedAndRatedAndAnUnmetNeedGoesThroughTheCaseLoop(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var firm = await FirmAsync(site);
        var contact = await site.SignInAsync(await AccountAsync(site, StaffRole.EnterpriseContact, firm.Grid, firm), LayoutSites.Phone("en-US"));
        var staff = await site.SignInAsync(await AccountAsync(site, StaffRole.BusinessCommunityStaff, firm.Street, firm with { Id = null }), LayoutSites.Laptop("zh-CN"));

        await staff.GotoAsync("/enterprise-offers/new");
        await staff.ClickAsync("#save-offer");
        var refusedOffer = await staff.Locator(".is-invalid").CountAsync();
        await staff.FillAsync("#name", "普惠小微贷");
        await staff.FillAsync("#provider", "合作银行");
        await staff.SelectOptionAsync("#kind", "CreditLine");
        await staff.CheckAsync("input[name='Input.CategoryCodes'][value='financing']");
        await staff.FillAsync("#credit-line", "30000");
        await staff.ClickAsync("#save-offer");
        await staff.WaitForSelectorAsync("#offers");

        var financing = await RaiseAsync(contact, "financing", "Working capital for new orders", "300");
        var width = await contact.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await staff.GotoAsync($"/enterprise-needs/{financing}");
        var suggestion = staff.Locator(".suggestion", new() { HasText = "普惠小微贷" });
        var suggested = await suggestion.CountAsync();
        await suggestion.Locator("input").CheckAsync();
        await staff.ClickAsync("#confirm-match");
        await staff.WaitForSelectorAsync("#done");
        var matched = await staff.InnerTextAsync("#need-status");
        await staff.FillAsync("#granted", "250");
        await staff.FillAsync("#note", "银行已放款 250 万元");
        await staff.ClickAsync("#record-outcome");
        await staff.WaitForSelectorAsync("#need-outcome");
        await contact.GotoAsync($"/enterprise-needs/{financing}");
        await contact.ClickAsync("#rate");
        await contact.WaitForSelectorAsync("#need-rating");
        var rated = await contact.InnerTextAsync("#need-status");

        var licence = await RaiseAsync(contact, "licences", "Food business licence for the canteen", null);
        await staff.GotoAsync($"/enterprise-needs/{licence}");
        await staff.ClickAsync("#escalate");
        var refusedEscalation = await staff.InnerTextAsync("#errors");
        await staff.FillAsync("#note", "社区资源中没有证照代办");
        await staff.ClickAsync("#escalate");
        await staff.WaitForSelectorAsync("#need-case");
        var escalated = await staff.InnerTextAsync("#need-status");
        await CloseCaseAndSettleAsync(site, licence);
        await contact.GotoAsync($"/enterprise-needs/{licence}");
        var settled = await contact.InnerTextAsync("#need-status");
        await staff.GotoAsync("/enterprise-needs");
        await staff.ClickAsync("#open-dashboard");
        var communities = await staff.Locator("#communities .community").CountAsync();

        Assert.True(refusedOffer > 0, "an empty offer form was not refused field by field");
        Assert.True(width <= 390, $"the need page is {width} px wide on a phone");
        Assert.Equal(1, suggested);
        Assert.Equal("已对接", matched);
        Assert.Equal("Evaluated", rated);
        Assert.Contains("原因", refusedEscalation, StringComparison.Ordinal);
        Assert.Equal("已转办", escalated);
        Assert.Equal("Resolved", settled);
        Assert.Equal(1, communities);
        await AssertLineAsync(site, 250);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private static async Task<int> RaiseAsync(IPage contact, string category, string description, string? amountWan)
    {
        await contact.GotoAsync("/enterprise-needs/new");
        await contact.SelectOptionAsync("#category", category);
        await contact.FillAsync("#description", description);
        if (amountWan is not null)
        {
            await contact.FillAsync("#amount", amountWan);
        }
        await contact.ClickAsync("#raise-need");
        await contact.WaitForSelectorAsync("#need-facts");
        return int.Parse(contact.Url.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The case loop's own moves are the case journey's; here the case is closed as the loop would, and the watch's pass is run.</summary>
    private static Task CloseCaseAndSettleAsync(BrowserSite site, int needId) => site.Factory.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var caseId = await db.EnterpriseNeeds.Where(n => n.Id == needId).Select(n => n.CaseId).SingleAsync();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        return await sp.GetRequiredService<SettleEscalatedNeedsHandler>().HandleAsync(new SettleEscalatedNeeds(), CancellationToken.None);
    });

    private static Task AssertLineAsync(BrowserSite site, long grantedWan) => site.Factory.AsSystemAsync(async sp =>
    {
        var line = await sp.GetRequiredService<CivicGridDbContext>().CommunityOffers.AsNoTracking().SingleAsync(o => o.Name == "普惠小微贷");
        Assert.Equal(grantedWan * 1_000_000, line.CreditTaken.Fen);
        return true;
    });

    private sealed record Firm(int? Id, string Grid, string Street, int Community);

    private static Task<Firm> FirmAsync(BrowserSite site) => site.Factory.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value)).FirstAsync());

    private static Task<string> AccountAsync(BrowserSite site, StaffRole role, string scope, Firm firm) => site.OpenAccountAsync(new StaffUser
    {
        UserName = $"{role.ToString().ToLowerInvariant()}-journey", DisplayName = role.ChineseName(), Role = role, ScopeCode = scope,
        EnterpriseId = firm.Id, BusinessCommunityId = firm.Community,
    });
}
