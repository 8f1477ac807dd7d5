using System.Net;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class CaseDutiesTests
{
    private static async Task<List<string?>> OfferedAsync(HttpClient client, int id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/cases/{id}")).RootElement.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WhoeverResolvedACaseIsNotOfferedVerificationAndIsRefusedIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(worker, grid, "0202", "消防通道被杂物堵塞");
        foreach (var action in new[] { "Accept", "Handle", "Resolve" })
        {
            (await CivicGridFactory.ActAsync(community, id, action)).EnsureSuccessStatusCode();
        }

        var offeredToResolver = await OfferedAsync(community, id);
        var own = await CivicGridFactory.ActAsync(community, id, "Verify");
        var offeredToOther = await OfferedAsync(worker, id);
        var other = await CivicGridFactory.ActAsync(worker, id, "Verify");

        Assert.DoesNotContain("Verify", offeredToResolver);
        Assert.DoesNotContain("FailVerification", offeredToResolver);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("办结人不能核查自己办结的诉求", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Verify", offeredToOther);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
