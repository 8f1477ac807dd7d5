using CivicGrid.App.Access;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Accounts;

public sealed class TwoFactorResetJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AnAdministratorResetsAGridWorkersLostAuthenticatorFromTheAccountPageOnAPhone(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0].Code;
        var workerName = await site.Factory.CreateAccountAsync(StaffRole.GridWorker, grid);
        var id = await site.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync(workerName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return user.Id;
        });
        var admin = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.DistrictAdmin, "330105"), LayoutSites.Phone("en-US"));

        await admin.GotoAsync($"/admin/accounts/{id}");
        await admin.ClickAsync("#reset-two-factor");
        await admin.WaitForSelectorAsync("#confirm-action");
        await admin.ClickAsync("#confirm");
        await admin.WaitForSelectorAsync("#account-done");
        var width = await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(width <= 390, $"the account page is {width} px wide");
        var enabled = await site.Factory.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(workerName))!.TwoFactorEnabled);
        Assert.False(enabled);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
