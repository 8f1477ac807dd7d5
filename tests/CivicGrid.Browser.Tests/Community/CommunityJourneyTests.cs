using System.Globalization;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Community;

/// <summary>A resident on a phone follows a neighbour's case from the community map, hears of its progress, and reads the last deliberation day's outcome.</summary>
public sealed class CommunityJourneyTests(ITestOutputHelper output)
{
    private static async Task<System.Text.Json.JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new APIRequestContextOptions { DataObject = body });
        Assert.True(response.Ok, $"{path}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AResidentFollowsACaseFromTheMapHearsOfItsProgressAndSeesTheLastDaysOutcome(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0];
        var community = grid.Code[..12];
        var staff = await site.SignInAsync(StaffRole.CommunityStaff, community);
        var neighbour = await site.SignInAsync(StaffRole.Resident, grid.Code);
        var light = (await PostAsync(neighbour, "/api/cases", new { itemCode = "0502", description = "小区门口路灯连续三晚不亮", latitude = grid.Latitude, longitude = grid.Longitude })).GetProperty("id").GetInt32();
        var parking = (await PostAsync(neighbour, "/api/cases", new { itemCode = "0303", description = "小区停车位不足，夜间乱停车", latitude = grid.Latitude, longitude = grid.Longitude })).GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(site.Factory.Clock.GetUtcNow().AddHours(8).Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostAsync(staff, $"/api/cases/{parking}/actions", new { action = "Accept", note = "立案" });
        var day = (await PostAsync(staff, "/api/deliberation-days", new { hostCode = community, title = "停车难议事会", date = today, place = "社区议事厅" })).GetInt32();
        await PostAsync(staff, $"/api/cases/{parking}/actions", new { action = "PutOnAgenda", note = "提交议事", deliberationDayId = day });
        var option = (await PostAsync(staff, $"/api/deliberation-days/{day}/options", new { caseId = parking, text = "错时共享周边单位停车位" })).GetInt32();
        await PostAsync(staff, $"/api/deliberation-days/{day}/options/{option}/votes", new { votes = 23, chosen = true });
        await PostAsync(staff, $"/api/deliberation-days/{day}/tasks", new { caseId = parking, title = "签订错时停车协议", owner = "社区居委会", dueDate = today });
        await PostAsync(staff, $"/api/deliberation-days/{day}/minutes", new { minutes = "23 票赞成", held = true });
        var resident = await site.SignInAsync(await LayoutSites.LinkedResidentAsync(site, grid.Code), LayoutSites.Phone());

        await resident.GotoAsync("/");
        await resident.ClickAsync("#home-community-cases");
        await resident.WaitForURLAsync("**/community/cases");
        await resident.WaitForSelectorAsync("#community-map[data-drawn='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var row = resident.Locator($"#public-cases [data-case='{light}']");
        await row.Locator(".follow-button").ClickAsync();
        await resident.WaitForSelectorAsync($"#public-cases [data-case='{light}'] .follow-button.btn-outline-secondary");
        var followers = await resident.InnerTextAsync($"#public-cases [data-case='{light}'] .follower-count");
        var wide = await resident.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await BrowserSite.ScreenshotAsync(resident, $"community-map-{kind}");

        await PostAsync(staff, $"/api/cases/{light}/actions", new { action = "Accept", note = "已安排人员" });
        await resident.GotoAsync("/inbox");
        var inbox = await resident.InnerTextAsync("#messages");
        await resident.ClickAsync($"#messages a[href='community/cases/{light}']");
        await resident.WaitForURLAsync($"**/community/cases/{light}");
        var status = await resident.InnerTextAsync("#public-status");
        await resident.GotoAsync("/");
        await resident.ClickAsync("#home-community-deliberation");
        await resident.WaitForURLAsync("**/community/deliberation");
        var past = await resident.InnerTextAsync("#past-days");
        await BrowserSite.ScreenshotAsync(resident, $"community-deliberation-{kind}");

        Assert.Equal("1 人关注", followers);
        Assert.True(wide <= 390, $"the page is {wide} px wide");
        Assert.Contains($"诉求 #{light} 立案", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("已安排人员", inbox, StringComparison.Ordinal);
        Assert.Equal("已立案", status);
        Assert.Contains("错时共享周边单位停车位", past, StringComparison.Ordinal);
        Assert.Contains("签订错时停车协议", past, StringComparison.Ordinal);
        Assert.Empty(LayoutSites.Untranslated(site));
    }
}
