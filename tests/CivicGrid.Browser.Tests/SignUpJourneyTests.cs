using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

public class SignUpJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AResidentSignsUpOnAPhoneWithTheTextedCodeIsLinkedAndRaisesACase(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var person = await SmsInbox.UnlinkedResidentAsync(site.Factory, grid.Code);
        const string phone = "13900000011";
        var options = LayoutSites.Phone();
        var context = await site.NewContextAsync(options);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.ClickAsync("#register-link");
        await page.FillAsync("#phone", phone);
        await page.ClickAsync("#send-code");
        await page.WaitForSelectorAsync("#code-sent");
        await page.FillAsync("#code", SmsInbox.LatestCode(site.Factory, phone));
        await page.FillAsync("#name", person.Name);
        await page.FillAsync("#id-number", person.IdNumber);
        await page.SelectOptionAsync("#community", grid.Code[..12]);
        await page.FillAsync("#new-password", "Pale-harbour-lantern-7");
        await BrowserSite.ScreenshotAsync(page, $"phone-sign-up-{kind}");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the sign-up form is {width} px wide");
        await page.ClickAsync("#register");

        await page.WaitForSelectorAsync("#home-new-case");
        Assert.Equal(0, await page.Locator("#sign-up-pending").CountAsync());
        var caseId = await ResidentSteps.RaiseCaseAsync(page);
        var submitter = await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var userId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.SubmitterId).SingleAsync();
            return await db.Users.Where(u => u.Id == userId).Select(u => u.ResidentId).SingleAsync();
        });
        Assert.Equal(person.Id, submitter);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
