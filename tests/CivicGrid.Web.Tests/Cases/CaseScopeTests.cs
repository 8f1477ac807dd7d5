using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class CaseScopeTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachAccountSeesTheCasesOfItsSubtreeItsDepartmentOrItsOwnAndNoOthers(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids[^1]);
        var resident = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var neighbour = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, home);

        var expectations = new (HttpClient Client, HttpStatusCode Status)[]
        {
            (resident, HttpStatusCode.OK),
            (neighbour, HttpStatusCode.NotFound),
            (await site.CreateClientAsync(StaffRole.GridWorker, home.Code), HttpStatusCode.OK),
            (await site.CreateClientAsync(StaffRole.GridWorker, away.Code), HttpStatusCode.NotFound),
            (await site.CreateClientAsync(StaffRole.CommunityStaff, home.Code[..12]), HttpStatusCode.OK),
            (await site.CreateClientAsync(StaffRole.StreetOfficial, away.Code[..9]), home.Code[..9] == away.Code[..9] ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            (await site.CreateClientAsync(StaffRole.CivicSupervisor, home.Code[..9]), HttpStatusCode.OK),
            (await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "CG"), HttpStatusCode.NotFound),
        };

        foreach (var (client, status) in expectations)
        {
            Assert.Equal(status, (await client.GetAsync($"/api/cases/{id}")).StatusCode);
            var list = JsonDocument.Parse(await client.GetStringAsync("/api/cases")).RootElement;
            Assert.Equal(status == HttpStatusCode.OK ? 1 : 0, list.GetProperty("total").GetInt32());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await CivicGridFactory.ActAsync(neighbour, id, "Rate", new { rating = "Satisfied" })).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkerCannotRecordACaseOutsideTheirGridNorMakeACommunityMove(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grids[0].Code);

        var outside = await worker.PostAsJsonAsync("/api/cases", new { itemCode = "0101", description = "别的网格的问题", latitude = grids[^1].Latitude, longitude = grids[^1].Longitude });
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grids[0]);
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();
        var dispatch = await CivicGridFactory.ActAsync(worker, id, "Dispatch", new { departmentCode = "CG" });

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("不在您的管辖范围内", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, dispatch.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task VisitRecordsAndHardshipCasesStayOutOfThePublicLists(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var neighbour = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var open = await CivicGridFactory.SubmitCaseAsync(resident, grid, "0101", "邻居装修噪音");
        var visit = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "走访中听到的邻里矛盾");
        var hardship = await CivicGridFactory.SubmitCaseAsync(resident, grid, "0703", "家中老人患病，生活困难");
        using var anyone = site.CreateClient();

        var listed = await anyone.GetStringAsync("/open311/v2/requests.json");
        var nearby = await neighbour.GetStringAsync($"/api/cases/nearby?itemCode=0703&latitude={grid.Latitude}&longitude={grid.Longitude}");

        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/open311/v2/requests/{open}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/open311/v2/requests/{visit}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/open311/v2/requests/{hardship}.json")).StatusCode);
        Assert.Contains($"\"{open}\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{visit}\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("生活困难", listed, StringComparison.Ordinal);
        Assert.Equal("[]", nearby);
    }
}
