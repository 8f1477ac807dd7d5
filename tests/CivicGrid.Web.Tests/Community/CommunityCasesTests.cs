using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Community;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Community;

/// <summary>The community's public case map and list, and following a case (docs/CASES.md, "What residents see").</summary>
public class CommunityCasesTests
{
    private const string Name = "张三丰";
    private const string Phone = "13812345678";

    private static async Task<int> RaiseAsync(HttpClient client, (string Code, double Latitude, double Longitude) grid, string item, string description)
    {
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            itemCode = item, description, latitude = grid.Latitude + 0.00031, longitude = grid.Longitude + 0.00017,
            address = "幸福小区 3 幢 2 单元 501 室", contactName = Name, contactPhone = Phone,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static List<int> Ids(JsonElement view) =>
        view.GetProperty("cases").GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheMapShowsTheCommunitysPublicCasesCoarselyAndNothingPersonal(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var raiser = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var neighbour = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, home.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, home.Code[..12]);
        var light = await RaiseAsync(raiser, home, "0502", $"{Name}家门口路灯不亮，电话 {Phone}");
        var care = await RaiseAsync(raiser, home, "0701", "家中老人需要助餐服务上门");
        var visit = await CivicGridFactory.SubmitCaseAsync(worker, home, "0502", "走访发现小区路灯不亮");
        var elsewhere = await RaiseAsync(await site.CreateClientAsync(StaffRole.Resident, away.Code), away, "0502", "别的社区路灯不亮");
        var settled = await RaiseAsync(raiser, home, "0101", "楼道堆放杂物堵塞通道");
        foreach (var move in new[] { "Accept", "Handle", "Resolve" })
        {
            (await CivicGridFactory.ActAsync(community, settled, move)).EnsureSuccessStatusCode();
        }
        (await CivicGridFactory.ActAsync(worker, settled, "Verify")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, settled, "Close")).EnsureSuccessStatusCode();
        var anonymous = site.CreateClient();

        var body = await anonymous.GetStringAsync($"/api/community/cases?community={home.Code[..12]}");
        var view = JsonDocument.Parse(body).RootElement;
        var own = JsonDocument.Parse(await neighbour.GetStringAsync("/api/community/cases")).RootElement;
        var open = JsonDocument.Parse(await neighbour.GetStringAsync("/api/community/cases?status=open")).RootElement;
        var resolved = JsonDocument.Parse(await neighbour.GetStringAsync("/api/community/cases?status=resolved")).RootElement;
        var bad = await neighbour.GetAsync("/api/community/cases?status=everything");
        var page = await neighbour.GetStringAsync("/community/cases");

        Assert.Equal([settled, light], Ids(view));
        Assert.DoesNotContain(care, Ids(view));
        Assert.DoesNotContain(visit, Ids(view));
        Assert.DoesNotContain(elsewhere, Ids(view));
        Assert.Equal(Ids(view), Ids(own));
        Assert.True(own.GetProperty("mayFollow").GetBoolean());
        Assert.False(view.GetProperty("mayFollow").GetBoolean());
        Assert.Equal([light], Ids(open));
        Assert.Equal([settled], Ids(resolved));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // No name, phone (whole or masked), description, address or exact point goes out.
        foreach (var text in new[] { Name, Phone, "138****5678", "路灯不亮", "幸福小区" })
        {
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
            Assert.DoesNotContain(text, page, StringComparison.Ordinal);
        }
        foreach (var point in view.GetProperty("points").EnumerateArray())
        {
            var cells = point.GetProperty("latitude").GetDouble() * 2000;
            Assert.Equal(Math.Round(cells), cells, 6);
        }
        Assert.Equal(2, view.GetProperty("points").GetArrayLength());
        Assert.Contains($"community/cases/{light}", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFollowerIsToldOfProgressWithoutTheStaffsNoteUntilTheyStop(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var raiser = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var follower = await site.CreateClientAsync(StaffRole.Resident, grid.Code, email: "follower@example.org");
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var id = await RaiseAsync(raiser, grid, "0502", "小区门口路灯连续三晚不亮");

        var followed = await follower.PostAsync($"/api/community/cases/{id}/follow", null);
        (await CivicGridFactory.ActAsync(community, id, "Accept", new { note = $"已联系{Name}核实" })).EnsureSuccessStatusCode();
        var detail = JsonDocument.Parse(await site.CreateClient().GetStringAsync($"/api/community/cases/{id}")).RootElement;
        var stopped = await follower.DeleteAsync($"/api/community/cases/{id}/follow");
        (await CivicGridFactory.ActAsync(community, id, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(1, (await followed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("followerCount").GetInt32());
        Assert.Equal(1, detail.GetProperty("case").GetProperty("followerCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var inbox = JsonDocument.Parse(await follower.GetStringAsync("/api/inbox?pageSize=100")).RootElement.GetProperty("messages").GetProperty("items")
            .EnumerateArray().ToList();
        var message = Assert.Single(inbox);
        Assert.Equal($"诉求 #{id} 立案", message.GetProperty("title").GetString());
        Assert.Equal($"community/cases/{id}", message.GetProperty("link").GetString());
        Assert.DoesNotContain(Name, message.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mails = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().OutboxMessages
            .Where(m => m.Target == "follower@example.org").Select(m => m.Body).ToListAsync());
        Assert.DoesNotContain(Name, Assert.Single(mails), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FollowingIsRefusedOutsideTheOwnCommunitysPublicCasesAndChangesNothing(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var raiser = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var follower = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, home.Code);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, home.Code[..12]);
        var light = await RaiseAsync(raiser, home, "0502", "小区门口路灯连续三晚不亮");
        var care = await RaiseAsync(raiser, home, "0701", "家中老人需要社区助餐");
        var visit = await CivicGridFactory.SubmitCaseAsync(worker, home, "0502", "走访发现小区路灯不亮");
        var elsewhere = await RaiseAsync(await site.CreateClientAsync(StaffRole.Resident, away.Code), away, "0502", "别的社区路口路灯不亮");
        (await follower.PostAsync($"/api/community/cases/{light}/follow", null)).EnsureSuccessStatusCode();

        var refusals = new Dictionary<string, HttpResponseMessage>
        {
            ["non-public"] = await follower.PostAsync($"/api/community/cases/{care}/follow", null),
            ["visit"] = await follower.PostAsync($"/api/community/cases/{visit}/follow", null),
            ["elsewhere"] = await follower.PostAsync($"/api/community/cases/{elsewhere}/follow", null),
            ["missing"] = await follower.PostAsync("/api/community/cases/404404/follow", null),
        };
        var twice = await follower.PostAsync($"/api/community/cases/{light}/follow", null);
        var own = await raiser.PostAsync($"/api/community/cases/{light}/follow", null);
        var notFollowing = await follower.DeleteAsync($"/api/community/cases/{care}/follow");
        var byStaff = await staff.PostAsync($"/api/community/cases/{light}/follow", null);
        var hidden = await site.CreateClient().GetAsync($"/api/community/cases/{care}");

        foreach (var (what, response) in refusals)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
            Assert.Contains(FollowCaseHandler.NotFollowable, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Contains("您已关注该诉求", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("这是您反映的诉求", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notFollowing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var rows = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseFollowers.Select(f => f.CaseId).ToListAsync());
        Assert.Equal([light], rows);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCasesOneFollowsStayListedAfterTheyLeaveTheMapAndCanStillBeUnfollowed(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var home = (await site.GridsAsync())[0];
        var raiser = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var follower = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, home.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, home.Code[..12]);
        var followed = await RaiseAsync(raiser, home, "0101", "楼道堆放杂物堵塞通道");
        var other = await RaiseAsync(raiser, home, "0502", "小区门口路灯不亮");
        (await follower.PostAsync($"/api/community/cases/{followed}/follow", null)).EnsureSuccessStatusCode();
        foreach (var move in new[] { "Accept", "Handle", "Resolve" })
        {
            (await CivicGridFactory.ActAsync(community, followed, move)).EnsureSuccessStatusCode();
        }
        (await CivicGridFactory.ActAsync(worker, followed, "Verify")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, followed, "Close")).EnsureSuccessStatusCode();
        site.Clock.Advance(TimeSpan.FromDays(CommunityCases.RecentDays + 10));

        var map = JsonDocument.Parse(await follower.GetStringAsync("/api/community/cases")).RootElement;
        var mine = JsonDocument.Parse(await follower.GetStringAsync("/api/community/cases?status=following")).RootElement;
        var anonymous = await site.CreateClient().GetAsync($"/api/community/cases?community={home.Code[..12]}&status=following");
        var stopped = await follower.DeleteAsync($"/api/community/cases/{followed}/follow");
        var after = JsonDocument.Parse(await follower.GetStringAsync("/api/community/cases?status=following")).RootElement;

        Assert.Equal([other], Ids(map));
        var row = Assert.Single(mine.GetProperty("cases").GetProperty("items").EnumerateArray());
        Assert.Equal(followed, row.GetProperty("id").GetInt32());
        Assert.True(row.GetProperty("following").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Empty(Ids(after));
    }
}
