using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class CaseLoopTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ResidentCaseSettledInTheGridClosesWithAFullTimelineAndARating(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);

        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        foreach (var action in new[] { "Accept", "Handle", "Resolve", "Verify", "Close" })
        {
            (await CivicGridFactory.ActAsync(action == "Verify" ? community : worker, id, action)).EnsureSuccessStatusCode();
        }
        (await CivicGridFactory.ActAsync(resident, id, "Rate", new { rating = "Satisfied" })).EnsureSuccessStatusCode();

        var detail = JsonDocument.Parse(await resident.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal("Closed", detail.GetProperty("status").GetString());
        Assert.Equal("满意", detail.GetProperty("rating").GetString());
        Assert.Equal(["Receive", "Accept", "Handle", "Resolve", "Verify", "Close", "Rate"],
            detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task IllegalMoveIsRefusedWithAReasonAndChangesNothing(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grid);

        var response = await CivicGridFactory.ActAsync(worker, id, "Close");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能执行“结案”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var detail = JsonDocument.Parse(await worker.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal("Received", detail.GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("timeline").EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DispatchedCaseIsHandledByItsDepartmentAndReworkedWhenVerificationFails(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "CG");
        var otherDepartment = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "ZJ");
        var id = await CivicGridFactory.SubmitCaseAsync(community, grid, "0502", "小区门口路灯连续三晚不亮");

        (await CivicGridFactory.ActAsync(community, id, "Accept")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/cases/{id}")).StatusCode);
        (await CivicGridFactory.ActAsync(community, id, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.GetAsync($"/api/cases/{id}")).StatusCode);
        (await CivicGridFactory.ActAsync(department, id, "Resolve")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, id, "FailVerification")).EnsureSuccessStatusCode();

        var detail = JsonDocument.Parse(await department.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal("Dispatched", detail.GetProperty("status").GetString());
        Assert.Equal(1, detail.GetProperty("reworkCount").GetInt32());
        Assert.Contains("Resolve", detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAccountRaisingCasesFasterThanTheLimitIsToldToWaitAndOthersAreNot(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?> { ["RateLimits:CasesPerMinute"] = "3" });
        var grid = (await site.GridsAsync())[0];
        var eager = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var other = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        for (var i = 0; i < 3; i++)
        {
            await CivicGridFactory.SubmitCaseAsync(eager, grid);
        }

        var fourth = await eager.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "第四件诉求内容", latitude = grid.Latitude, longitude = grid.Longitude });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(await CivicGridFactory.SubmitCaseAsync(other, grid) > 0);
    }
}
