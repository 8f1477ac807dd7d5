using System.Net;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.PublicServices;

public class FacilityPagesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAdminSeesTheFacilityAndCoveragePages(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var community = (await site.GridsAsync())[0].Code[..12];
        var first = JsonDocument.Parse(await admin.GetStringAsync("/api/facilities?type=elderly&pageSize=1")).RootElement.GetProperty("items")[0];
        var id = first.GetProperty("id").GetInt32();

        var list = await PageAsync(admin, "/facilities?type=elderly&sort=-area");
        var empty = await PageAsync(admin, "/facilities?q=没有这样的阵地");
        var sorted = await Task.WhenAll(new[] { "type", "capacity", "-capacity", "area", "grid", "name" }
            .Select(sort => admin.GetStringAsync($"/api/facilities?sort={sort}&under={community}&pageSize=200")));
        var detail = await PageAsync(admin, $"/facilities/{id}");
        var create = await PageAsync(admin, "/facilities/new");
        var edit = await PageAsync(admin, $"/facilities/{id}/edit");
        var coverage = await PageAsync(admin, "/coverage");
        var communityCoverage = await PageAsync(admin, $"/coverage?type=canteen&node={community}");

        Assert.Contains("阳光老人家", list, StringComparison.Ordinal);
        Assert.Contains("id=\"facility-map\"", list, StringComparison.Ordinal);
        Assert.Contains("id=\"empty\"", empty, StringComparison.Ordinal);
        Assert.All(sorted, json => Assert.Equal(JsonDocument.Parse(sorted[^1]).RootElement.GetProperty("total").GetInt32(), JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32()));
        var byType = JsonDocument.Parse(sorted[0]).RootElement.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("typeCode").GetString()).ToList();
        var runs = byType.Where((t, i) => i == 0 || t != byType[i - 1]).ToList();
        Assert.Equal(runs.Distinct().Count(), runs.Count);
        Assert.Contains(first.GetProperty("name").GetString()!, detail, StringComparison.Ordinal);
        Assert.Contains("床位或托位", detail, StringComparison.Ordinal);
        Assert.Contains("家庭养老照护床位", detail, StringComparison.Ordinal);
        Assert.Contains("新增阵地", create, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", create, StringComparison.Ordinal);
        Assert.Contains($"value=\"{first.GetProperty("name").GetString()}\"", edit, StringComparison.Ordinal);
        Assert.Contains("15分钟生活圈", coverage, StringComparison.Ordinal);
        Assert.Contains("每百户服务用房面积", coverage, StringComparison.Ordinal);
        Assert.Contains("绕行系数 1.25", coverage, StringComparison.Ordinal);
        Assert.Contains("id=\"coverage-map\"", communityCoverage, StringComparison.Ordinal);
        Assert.Contains("id=\"grids\"", communityCoverage, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
