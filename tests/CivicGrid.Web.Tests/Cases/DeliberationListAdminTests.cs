using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class DeliberationListAdminTests
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.EnumerateArray().ToList();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheAdminAddsEditsRetiresAndReinstatesAnItem(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        (await admin.PostAsJsonAsync("/api/admin/deliberation-items", new
        {
            code = "1101", category = "环境卫生", name = "油烟扰民", description = "餐饮油烟", defaultHandling = "Department", departmentCode = "HB",
            responseHours = 4, resolveDays = 7, mayDeliberate = false, @public = true,
        })).EnsureSuccessStatusCode();
        var bad = await admin.PostAsJsonAsync("/api/admin/deliberation-items", new
        {
            code = "1101", category = "", name = "噪音扰民", defaultHandling = "Department", departmentCode = "NOPE", responseHours = 0, resolveDays = 5,
        });
        (await admin.PutAsJsonAsync("/api/admin/deliberation-items/1101", new
        {
            defaultHandling = "Department", departmentCode = "HB", responseHours = 2, resolveDays = 5, mayDeliberate = true, active = true, name = "餐饮油烟扰民",
        })).EnsureSuccessStatusCode();

        var found = Assert.Single(await ListAsync(admin, "/api/admin/deliberation-items?q=油烟"));
        Assert.Equal(("餐饮油烟扰民", "环境卫生", "生态环境分局", 2, 5, true), (found.GetProperty("name").GetString(), found.GetProperty("category").GetString(),
            found.GetProperty("departmentName").GetString(), found.GetProperty("responseHours").GetInt32(), found.GetProperty("resolveDays").GetInt32(),
            found.GetProperty("mayDeliberate").GetBoolean()));
        Assert.Contains(await ListAsync(admin, "/api/deliberation-items"), i => i.GetProperty("code").GetString() == "1101");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        foreach (var reason in new[] { "事项代码“1101”已被使用", "请填写 1 到 50 字的类别", "已有名为“噪音扰民”的事项", "由职能部门办理的事项须指定存在的部门", "响应时限应在 1 到 72 个工作小时之间" })
        {
            Assert.Contains(reason, problem, StringComparison.Ordinal);
        }

        (await admin.PostAsync("/api/admin/deliberation-items/1101/retire", null)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await ListAsync(admin, "/api/deliberation-items"), i => i.GetProperty("code").GetString() == "1101");
        Assert.False(Assert.Single(await ListAsync(admin, "/api/admin/deliberation-items?q=1101")).GetProperty("active").GetBoolean());
        (await admin.PostAsync("/api/admin/deliberation-items/1101/reinstate", null)).EnsureSuccessStatusCode();
        Assert.Contains(await ListAsync(admin, "/api/deliberation-items"), i => i.GetProperty("code").GetString() == "1101");
        Assert.Equal(34, (await ListAsync(admin, "/api/admin/deliberation-items")).Count);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnItemCannotBePointedAtARetiredDepartment(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        (await admin.PostAsync("/api/admin/departments/SJ/retire", null)).EnsureSuccessStatusCode();

        var refused = await admin.PutAsJsonAsync("/api/admin/deliberation-items/0901", new
        {
            defaultHandling = "Department", departmentCode = "SJ", responseHours = 2, resolveDays = 5, mayDeliberate = false, active = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("该部门已撤销", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Street", Assert.Single(await ListAsync(admin, "/api/admin/deliberation-items?q=0901")).GetProperty("defaultHandling").GetString());
    }
}
