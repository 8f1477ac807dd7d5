using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.GridWork;

public sealed class HandoverJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task CommunityStaffHandOverALeavingGridWorkersOpenCaseOnAPhone(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grids = await site.Factory.GridsAsync();
        var leaving = await site.Factory.CreateAccountAsync(StaffRole.GridWorker, grids[0].Code);
        var successor = await site.Factory.CreateAccountAsync(StaffRole.GridWorker, grids[1].Code);
        using var resident = await SignedInClientAsync(site, await site.Factory.CreateAccountAsync(StaffRole.Resident, grids[0].Code));
        await CivicGridFactory.SubmitCaseAsync(resident, grids[0]);
        var community = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, grids[0].Code[..12]), LayoutSites.Phone("en-US"));

        await community.GotoAsync("/admin/handover");
        await community.ClickAsync("#preview");
        await community.WaitForSelectorAsync("#handover-message");
        var refusedFields = await community.Locator(".is-invalid").CountAsync();
        await community.SelectOptionAsync("#from", leaving);
        await community.SelectOptionAsync("#to", successor);
        await community.ClickAsync("#preview");
        await community.WaitForSelectorAsync("#handover-preview");
        var cases = await community.InnerTextAsync("#count-cases");
        await community.ClickAsync("#confirm");
        var message = community.Locator("#handover-message");
        await message.WaitForAsync();
        var outcome = $"{await message.GetAttributeAsync("class")}: {await message.InnerTextAsync()}";
        var width = await community.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(refusedFields > 0, "an empty form was not refused field by field");
        Assert.Equal("1", cases);
        Assert.Contains("alert-success", outcome, StringComparison.Ordinal);
        Assert.True(width <= 390, $"the handover page is {width} px wide");
        var stopped = await site.Factory.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(leaving))!.DisabledAt is not null);
        Assert.True(stopped, "the leaving grid worker's account is still open");
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    /// <summary>The site listens on a real port here, so the resident raises the case over it as a phone would.</summary>
    private static async Task<HttpClient> SignedInClientAsync(BrowserSite site, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(site.Address) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        await CivicGridFactory.AddRequestTokenAsync(client);
        return client;
    }
}
