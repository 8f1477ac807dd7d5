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
/// 企业联系人自助申请 on phones: a person (in English, not signed in) follows the link from the sign-in page and asks to
/// be a firm's contact; the business community's staff approve it and get the one-time password to hand over.
/// </summary>
public sealed class ContactSignUpJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task APersonAsksToBeAContactAndTheCommunitysStaffApprove(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var firm = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.CreditCode, e.Building!.BusinessCommunity!.StreetCode, Community = e.Building.BusinessCommunityId }).FirstAsync());
        var staff = await site.SignInAsync(await site.OpenAccountAsync(new StaffUser
        {
            UserName = "staff-contacts", DisplayName = "商务社区", Role = StaffRole.BusinessCommunityStaff, ScopeCode = firm.StreetCode, BusinessCommunityId = firm.Community,
        }), LayoutSites.Phone("zh-CN"));
        var options = LayoutSites.Phone("en-US");
        var person = await (await site.NewContextAsync(options)).NewPageAsync();

        await person.GotoAsync("/account/login");
        await person.ClickAsync("#contact-sign-up-link");
        await person.FillAsync("#credit-code", firm.CreditCode);
        await person.FillAsync("#name", "王经理");
        await person.FillAsync("#phone", "13905710002");
        await person.ClickAsync("#send-sign-up");
        await person.WaitForSelectorAsync("#sent");
        var width = await person.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        await staff.GotoAsync("/enterprise-contacts/sign-ups");
        var listed = await staff.InnerTextAsync("#sign-ups");
        await staff.ClickAsync("#sign-ups .sign-up button[value^='approve']");
        var password = await staff.InnerTextAsync("#one-time-password");
        var staffWidth = await staff.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(width <= 390, $"the sign-up page is {width} px wide on a phone");
        Assert.True(staffWidth <= 390, $"the requests page is {staffWidth} px wide on a phone");
        Assert.Contains("139****0002", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("13905710002", listed, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(password));
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
