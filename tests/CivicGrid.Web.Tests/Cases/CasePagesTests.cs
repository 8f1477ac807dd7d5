using System.Net;
using System.Net.Http.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class CasePagesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffAndResidentPagesShowTheCaseItsTimelineAndOnlyTheMovesTheyMayMake(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid, "0101", "<script>alert(1)</script>邻里纠纷");
        var day = await (await community.PostAsJsonAsync("/api/deliberation-days", new { hostCode = grid.Code[..12], title = "邻里议事会", date = "2026-11-26" })).Content.ReadFromJsonAsync<int>();

        var workerPage = await worker.GetStringAsync($"/cases/{id}");
        var residentPage = await resident.GetStringAsync($"/cases/{id}");
        var list = await worker.GetStringAsync("/cases?open=true");
        var newPage = await resident.GetStringAsync("/cases/new");
        var dayPage = await community.GetStringAsync($"/deliberation/{day}");

        Assert.Contains("id=\"act-Accept\"", workerPage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", workerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"act-Accept\"", residentPage, StringComparison.Ordinal);
        Assert.Contains("提交诉求", residentPage, StringComparison.Ordinal);
        Assert.Contains($"cases/{id}", list, StringComparison.Ordinal);
        Assert.Contains("噪音扰民", newPage, StringComparison.Ordinal);
        Assert.Contains("邻里议事会", dayPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await community.GetAsync("/deliberation")).StatusCode);
    }
}
