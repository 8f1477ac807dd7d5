using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class DeliberationTests
{
    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<int>());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACaseGoesThroughADeliberationDayToAPlanAndIsResolvedOnceThePlanIsDone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var communityCode = grid.Code[..12];
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, communityCode);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0303", "小区停车位不足，夜间乱停车堵塞消防通道");
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();

        var day = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = communityCode, title = "停车难议事会", date = "2026-11-23", place = "社区议事厅" }));
        (await CivicGridFactory.ActAsync(worker, id, "PutOnAgenda", new { deliberationDayId = day })).EnsureSuccessStatusCode();
        var groups = JsonDocument.Parse(await staff.GetStringAsync("/api/think-tank-groups")).RootElement;
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/participants", new { name = "王阿姨", groupId = groups[0].GetProperty("id").GetInt32() }));
        var a = await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/options", new { caseId = id, text = "错时共享周边单位停车位" }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/options", new { caseId = id, text = "划设临时停车位" }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/options/{a}/votes", new { votes = 23, chosen = true }));
        var task = await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/tasks", new { caseId = id, title = "与周边单位签订错时停车协议", owner = "社区书记", dueDate = "2026-12-10" }));
        await IdOf(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/minutes", new { minutes = "23 票赞成错时共享停车", held = true }));
        var early = await CivicGridFactory.ActAsync(staff, id, "Resolve");
        var offeredEarly = JsonDocument.Parse(await staff.GetStringAsync($"/api/cases/{id}")).RootElement.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        var dayPage = await staff.GetStringAsync($"/deliberation/{day}");
        (await PageForms.SubmitAsync(staff, $"/deliberation/{day}", $"done-{task}", [])).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(staff, id, "Resolve")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("议事方案还有 1 项任务未完成，完成后才能办结", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Resolve", offeredEarly);
        Assert.Contains($"id=\"complete-{task}\"", dayPage, StringComparison.Ordinal);

        var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/deliberation-days/{day}")).RootElement;
        Assert.True(detail.GetProperty("day").GetProperty("held").GetBoolean());
        var agenda = detail.GetProperty("agenda")[0];
        Assert.Equal(id, agenda.GetProperty("id").GetInt32());
        Assert.Equal("已办结待核查", agenda.GetProperty("statusName").GetString());
        Assert.True(agenda.GetProperty("options")[0].GetProperty("chosen").GetBoolean());
        Assert.Equal("社区书记", agenda.GetProperty("tasks")[0].GetProperty("owner").GetString());
        Assert.Equal("邻里帮帮团", detail.GetProperty("participants")[0].GetProperty("group").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyItemsOnTheListMayGoToDeliberationAndOnlyTheHostRecordsIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var grid = grids[0];
        var other = grids.First(g => g.Code[..12] != grid.Code[..12]);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var outsider = await site.CreateClientAsync(StaffRole.CommunityStaff, other.Code[..12]);
        var day = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "议事会", date = "2026-11-25" }));
        var id = await CivicGridFactory.SubmitCaseAsync(staff, grid, "0203", "楼道里电动车充电");
        (await CivicGridFactory.ActAsync(staff, id, "Accept")).EnsureSuccessStatusCode();

        var refused = await CivicGridFactory.ActAsync(staff, id, "PutOnAgenda", new { deliberationDayId = day });
        var foreign = await outsider.PostAsJsonAsync($"/api/deliberation-days/{day}/minutes", new { minutes = "x", held = false });
        var elsewhere = await outsider.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "议事会", date = "2026-11-25" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不在可议事的清单事项内", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ADayIsNotMarkedHeldBeforeItsDate(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var day = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "加装电梯议事会", date = "2026-11-30" }));

        var early = await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/minutes", new { minutes = "提前写好的纪要", held = true });
        var draft = await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/minutes", new { minutes = "会前准备：征集意见", held = false });

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("议事日定于 2026-11-30，当天或之后才能标记为已召开", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/deliberation-days/{day}")).RootElement;
        Assert.False(detail.GetProperty("day").GetProperty("held").GetBoolean());
        Assert.Equal("会前准备：征集意见", detail.GetProperty("minutes").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AParticipantAddedUnderTheDefaultChoiceIsAResidentRepresentative(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var day = await IdOf(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "邻里议事会", date = "2026-11-30" }));

        var posted = await PageForms.SubmitAsync(staff, $"/deliberation/{day}", "participant", [new("Name", "陈大伯"), new("GroupId", "")]);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var participant = Assert.Single(JsonDocument.Parse(await staff.GetStringAsync($"/api/deliberation-days/{day}")).RootElement.GetProperty("participants").EnumerateArray());
        Assert.Equal("居民代表", participant.GetProperty("group").GetString());
        Assert.Contains("（居民代表）", await staff.GetStringAsync($"/deliberation/{day}"), StringComparison.Ordinal);
    }
}
