using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Community;

/// <summary>Residents see their community's deliberation days: coming agendas, past decisions and plans, never who took part.</summary>
public class CommunityDeliberationTests
{
    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<int>();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ResidentsSeeTheComingAgendaAndThePastDecisionsAndPlanWithoutParticipantsNames(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var community = home.Code[..12];
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, community);
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var resident = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().AddHours(8).Date);
        string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parking = await CivicGridFactory.SubmitCaseAsync(resident, home, "0303", "小区停车位不足，夜间乱停车堵塞消防通道");
        var lift = await CivicGridFactory.SubmitCaseAsync(resident, home, "0302", "老旧小区希望加装电梯方便老人出行");
        foreach (var id in new[] { parking, lift })
        {
            (await CivicGridFactory.ActAsync(staff, id, "Accept")).EnsureSuccessStatusCode();
        }
        var held = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = community, title = "停车难议事会", date = Date(today), place = "社区议事厅" }));
        var coming = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = community, title = "加装电梯议事会", date = Date(today.AddDays(7)), place = "社区议事厅" }));
        await IdOf(await district.PostAsJsonAsync("/api/deliberation-days", new { hostCode = away.Code[..12], title = "别的社区议事会", date = Date(today.AddDays(3)) }));
        (await CivicGridFactory.ActAsync(staff, parking, "PutOnAgenda", new { deliberationDayId = held })).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(staff, lift, "PutOnAgenda", new { deliberationDayId = coming })).EnsureSuccessStatusCode();
        var groups = JsonDocument.Parse(await staff.GetStringAsync("/api/think-tank-groups")).RootElement;
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/participants", new { name = "王阿姨", groupId = groups[0].GetProperty("id").GetInt32() }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/participants", new { name = "李大伯", groupId = groups[0].GetProperty("id").GetInt32() }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/participants", new { name = "赵先生" }));
        var chosen = await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/options", new { caseId = parking, text = "错时共享周边单位停车位" }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/options", new { caseId = parking, text = "划设临时停车位" }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/options/{chosen}/votes", new { votes = 23, chosen = true }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/tasks", new { caseId = parking, title = "与周边单位签订错时停车协议", owner = "社区居委会", dueDate = Date(today.AddDays(10)) }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{held}/minutes", new { minutes = "王阿姨提出错时停车，23 票赞成", held = true }));

        var body = await site.CreateClient().GetStringAsync($"/api/community/deliberation-days?community={community}");
        var view = JsonDocument.Parse(body).RootElement;
        var page = await resident.GetStringAsync("/community/deliberation");
        var home_ = await resident.GetStringAsync("/");

        var upcoming = Assert.Single(view.GetProperty("upcoming").EnumerateArray());
        Assert.Equal("加装电梯议事会", upcoming.GetProperty("title").GetString());
        Assert.Equal(lift, upcoming.GetProperty("agenda")[0].GetProperty("caseId").GetInt32());
        var past = Assert.Single(view.GetProperty("past").EnumerateArray());
        var item = Assert.Single(past.GetProperty("agenda").EnumerateArray());
        Assert.Equal(["错时共享周边单位停车位"], item.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()));
        var task = Assert.Single(item.GetProperty("tasks").EnumerateArray());
        Assert.Equal("社区居委会", task.GetProperty("owner").GetString());
        Assert.False(task.GetProperty("done").GetBoolean());
        var taking = past.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("group").GetString(), p.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("邻里帮帮团", 2), ("居民代表", 1)], taking);
        foreach (var text in new[] { "王阿姨", "李大伯", "赵先生", "别的社区议事会", "划设临时停车位", "23 票赞成" })
        {
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
            Assert.DoesNotContain(text, page, StringComparison.Ordinal);
        }
        Assert.Contains("错时共享周边单位停车位", page, StringComparison.Ordinal);
        Assert.Contains("加装电梯议事会", page, StringComparison.Ordinal);
        Assert.Contains("href=\"community/cases\"", home_, StringComparison.Ordinal);
        Assert.Contains("href=\"community/deliberation\"", home_, StringComparison.Ordinal);
    }
}
