using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class DepartmentTests
{
    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARetiredDepartmentIsRefusedNewDispatchAndListsItsOpenCasesForReassignment(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var dispatched = await CivicGridFactory.SubmitCaseAsync(community, grid, "0503", "井盖缺失，夜间有行人跌落风险");
        (await CivicGridFactory.ActAsync(community, dispatched, "Accept")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, dispatched, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();
        var waiting = await CivicGridFactory.SubmitCaseAsync(community, grid, "0502", "小区门口路灯连续三晚不亮");
        (await CivicGridFactory.ActAsync(community, waiting, "Accept")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("Dispatch", (await GetAsync(community, $"/api/cases/{dispatched}")).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        (await admin.PostAsync("/api/admin/departments/CG/retire", null)).EnsureSuccessStatusCode();

        var refused = await CivicGridFactory.ActAsync(community, waiting, "Dispatch", new { departmentCode = "CG" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("该部门已撤销", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await GetAsync(admin, "/api/admin/departments/CG");
        Assert.True(page.GetProperty("retired").GetBoolean());
        Assert.Equal([dispatched], page.GetProperty("openCases").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        var listed = (await GetAsync(admin, "/api/admin/departments")).EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CG");
        Assert.Equal(1, listed.GetProperty("openCases").GetInt32());
        var items = (await GetAsync(admin, "/api/admin/deliberation-items")).EnumerateArray().ToList();
        Assert.All(items.Where(i => i.GetProperty("departmentCode").GetString() == "CG"), i => Assert.True(i.GetProperty("departmentRetired").GetBoolean()));
        Assert.Contains(items, i => i.GetProperty("departmentCode").GetString() == "ZJ" && !i.GetProperty("departmentRetired").GetBoolean());
        Assert.Contains("该部门已撤销", await admin.GetStringAsync("/admin/departments/CG"), StringComparison.Ordinal);

        // The case page offers dispatch again for the case left with the retired department.
        Assert.Contains("Dispatch", (await GetAsync(community, $"/api/cases/{dispatched}")).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        (await CivicGridFactory.ActAsync(community, dispatched, "Dispatch", new { departmentCode = "ZJ" })).EnsureSuccessStatusCode();
        Assert.Empty((await GetAsync(admin, "/api/admin/departments/CG")).GetProperty("openCases").EnumerateArray());
        Assert.Equal("ZJ", (await GetAsync(community, $"/api/cases/{dispatched}")).GetProperty("departmentCode").GetString());

        (await admin.PostAsync("/api/admin/departments/CG/reinstate", null)).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, waiting, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DepartmentsAreCreatedAndRenamedWithChineseReasonsAndARenameKeepsTheirCases(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid.Code[..9]);
        var id = await CivicGridFactory.SubmitCaseAsync(admin, grid, "0503", "井盖缺失，夜间有行人跌落风险");
        (await CivicGridFactory.ActAsync(admin, id, "Accept")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(admin, id, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();

        (await admin.PostAsJsonAsync("/api/admin/departments", new { code = "wl", name = "区文化广电旅游体育局" })).EnsureSuccessStatusCode();
        var duplicate = await admin.PostAsJsonAsync("/api/admin/departments", new { code = "WL", name = "区城市管理局" });
        var empty = await admin.PostAsJsonAsync("/api/admin/departments", new { code = "XX", name = "  " });
        var unknown = await admin.PutAsJsonAsync("/api/admin/departments/NOPE", new { name = "无此部门" });
        var refused = await street.PostAsJsonAsync("/api/admin/departments", new { code = "JY", name = "区教育局" });
        (await admin.PutAsJsonAsync("/api/admin/departments/CG", new { name = "区城管局" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("部门代码“WL”已被使用", problem, StringComparison.Ordinal);
        Assert.Contains("已有名为“区城市管理局”的部门", problem, StringComparison.Ordinal);
        Assert.Contains("请填写 1 到 50 字的部门名称", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("部门不存在", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var departments = (await GetAsync(admin, "/api/admin/departments")).EnumerateArray().ToList();
        Assert.Contains(departments, d => d.GetProperty("code").GetString() == "WL" && d.GetProperty("openCases").GetInt32() == 0);
        Assert.DoesNotContain(departments, d => d.GetProperty("code").GetString() == "XX");
        var renamed = await GetAsync(admin, $"/api/cases/{id}");
        Assert.Equal(("CG", "区城管局"), (renamed.GetProperty("departmentCode").GetString(), renamed.GetProperty("departmentName").GetString()));
        Assert.Equal(1, departments.Single(d => d.GetProperty("code").GetString() == "CG").GetProperty("openCases").GetInt32());
    }
}
