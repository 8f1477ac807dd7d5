using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Activities;

/// <summary>The activities over HTTP: a class scheduled, signed up for, checked in by code and confirmed; other communities' staff see none of it; the calendar is public.</summary>
public sealed class ActivitiesApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_class_runs_over_the_api_and_another_communitys_staff_neither_see_nor_check_in(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var (facility, grid, residentId, otherCommunity) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var f = await db.Facilities.OrderBy(x => x.Id).Select(x => new { x.Id, x.GridCode }).FirstAsync();
            var r = await db.Residents.Where(x => x.DepartedOn == null && x.GridCode == f.GridCode).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var other = await db.TerritoryNodes.Where(n => n.Code.Length == 12 && n.Code != f.GridCode.Substring(0, 12)).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            return (f.Id, f.GridCode, r, other);
        });
        var community = grid[..12];
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, community);
        var door = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var outsider = await site.CreateClientAsync(StaffRole.CommunityStaff, otherCommunity);
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid);
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            (await db.Users.Where(u => u.Role == StaffRole.Resident).OrderByDescending(u => u.UserName).FirstAsync()).ResidentId = residentId;
            return await db.SaveChangesAsync();
        });
        var today = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var created = await staff.PostAsJsonAsync("/api/activities", new { facilityId = facility, kind = "Training", title = "数字素养课", capacity = 20, firstStart = $"{today}T23:00:00", minutes = 60, count = 1 });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionIds")[0].GetInt32();
        (await staff.PostAsJsonAsync($"/api/activities/sessions/{session}/moves", new { action = "Publish", wholeActivity = true })).EnsureSuccessStatusCode();

        (await resident.PostAsync($"/api/my/activities/{session}/sign-up", null)).EnsureSuccessStatusCode();
        var token = (await resident.GetFromJsonAsync<JsonElement>($"/api/my/activities/{session}/check-in-code")).GetProperty("token").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/activities/sessions/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/activities/sessions/{session}/check-in", new { token })).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/activities/sessions")).EnumerateArray());

        var forged = await door.PostAsJsonAsync($"/api/activities/sessions/{session}/check-in", new { token = token![..^2] + "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("签到码校验失败", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var checkedIn = await door.PostAsJsonAsync($"/api/activities/sessions/{session}/check-in", new { token });
        Assert.Equal(1, (await checkedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkedInCount").GetInt32());

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/activities/sessions/{session}");
        Assert.NotNull(detail.GetProperty("signUps")[0].GetProperty("checkedInAt").GetString());

        var anonymous = site.CreateClient();
        var calendar = await anonymous.GetAsync($"/communities/{community}/calendar");
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:数字素养课", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/communities/330105/calendar")).StatusCode);
    }
}
