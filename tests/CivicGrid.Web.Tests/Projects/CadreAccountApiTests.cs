using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Projects;

/// <summary>A district admin or the project office opens cadres' accounts, each bound to a service group; the office opens no other role.</summary>
public class CadreAccountApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACadreIsOpenedInAServiceGroupOnly(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var group = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var g = new ServiceGroup { Name = "数字经济一组" };
            db.ServiceGroups.Add(g);
            await db.SaveChangesAsync();
            return g.Id;
        });
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var office = await site.CreateClientAsync(StaffRole.ProjectOffice, "330105");

        var groupless = await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "cadre-x", displayName = "张专员", role = "ProjectCadre", scopeCode = "330105" });
        var unknown = await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "cadre-z", displayName = "王专员", role = "ProjectCadre", scopeCode = "330105", serviceGroupId = 404404 });
        var byOffice = await office.PostAsJsonAsync("/api/admin/accounts", new { userName = "cadre-w", displayName = "赵专员", role = "ProjectCadre", scopeCode = "330105", serviceGroupId = group });
        var made = await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "cadre-y", displayName = "李专员", role = "ProjectCadre", scopeCode = "330105", serviceGroupId = group });
        var gridWorker = await office.PostAsJsonAsync("/api/admin/accounts", new { userName = "grid-v", displayName = "孙网格员", role = "GridWorker", scopeCode = "330105001001001" });
        var listed = await office.GetStringAsync("/api/admin/accounts?pageSize=200");
        var page = await office.GetAsync("/admin/accounts/new");

        Assert.Equal(HttpStatusCode.BadRequest, groupless.StatusCode);
        Assert.Contains("项目服务专员须选择所属专项服务组", await groupless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("找不到该专项服务组", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byOffice.StatusCode);
        Assert.Contains("\"password\"", await byOffice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, gridWorker.StatusCode);
        Assert.Contains("您不能管理“网格员”角色的账号", await gridWorker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("cadre-w", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cadres = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.Where(u => u.Role == StaffRole.ProjectCadre)
            .OrderBy(u => u.UserName).Select(u => new { u.UserName, u.ServiceGroupId }).ToListAsync());
        Assert.Equal([("cadre-w", (int?)group), ("cadre-y", (int?)group)], cadres.Select(c => (c.UserName!, c.ServiceGroupId)));
        Assert.False(await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.AnyAsync(u => u.UserName == "grid-v")));
    }
}
