using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Notifications;

/// <summary>Who hears of which move, role by role, through one loop (the table in docs/CASES.md).</summary>
public class CaseAudienceTests
{
    private static async Task<List<string>> TitlesAsync(HttpClient client, int id)
    {
        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/inbox?pageSize=100");
        return inbox.GetProperty("messages").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("title").GetString()!)
            .Where(t => t.StartsWith($"诉求 #{id} ", StringComparison.Ordinal)).Select(t => t[$"诉求 #{id} ".Length..]).Reverse().ToList();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachRoleHearsOfTheMovesThatConcernItAndNobodyOfTheirOwn(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "CG");
        var otherDepartment = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "ZJ");
        var supervisor = await site.CreateClientAsync(StaffRole.CivicSupervisor, grid.Code[..12]);

        // A street light out: the community owns it and sends it to the city management bureau.
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid, "0502", "小区门口路灯连续三晚不亮");
        (await CivicGridFactory.ActAsync(community, id, "Accept")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, id, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(department, id, "Resolve")).EnsureSuccessStatusCode();
        var workerBeforeVerifying = await TitlesAsync(worker, id);
        (await CivicGridFactory.ActAsync(worker, id, "Verify")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, id, "Close")).EnsureSuccessStatusCode();

        Assert.Equal(["提交诉求", "立案", "派单", "办结反馈"], workerBeforeVerifying);
        Assert.Equal(["提交诉求", "立案", "派单", "办结反馈", "结案"], await TitlesAsync(worker, id));
        Assert.Equal(["提交诉求", "办结反馈", "核查通过"], await TitlesAsync(community, id));
        Assert.Equal(["派单"], await TitlesAsync(department, id));
        Assert.Equal(["立案", "派单", "办结反馈", "结案"], await TitlesAsync(resident, id));
        Assert.Empty(await TitlesAsync(otherDepartment, id));
        Assert.Empty(await TitlesAsync(supervisor, id));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WhatTheGridWorkerResolvesIsToldToTheCommunityWhichVerifiesIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var otherGrid = (await site.GridsAsync()).First(g => g.Code != grid.Code && g.Code[..12] == grid.Code[..12]);
        var neighbourWorker = await site.CreateClientAsync(StaffRole.GridWorker, otherGrid.Code);

        // Neighbours' dispute, settled in the grid: recorded on a visit, accepted, handled and resolved by the grid worker.
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "邻里因晾晒衣物起纠纷");
        foreach (var action in new[] { "Accept", "Handle", "Resolve" })
        {
            (await CivicGridFactory.ActAsync(worker, id, action)).EnsureSuccessStatusCode();
        }

        Assert.Empty(await TitlesAsync(worker, id));
        // Small matters stay in the grid: the community hears of the case when there is a result to verify.
        Assert.Equal(["办结反馈"], await TitlesAsync(community, id));
        Assert.Empty(await TitlesAsync(neighbourWorker, id));
    }
}
