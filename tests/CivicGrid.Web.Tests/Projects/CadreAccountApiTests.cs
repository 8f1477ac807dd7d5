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

/// <summary>A district admin opens cadres' accounts, each bound to a service group; the account pages stay closed to the project office.</summary>
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

        Assert.Equal(HttpStatusCode.BadRequest, groupless.StatusCode);
        Assert.Contains("项目服务专员须选择所属专项服务组", await groupless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("找不到该专项服务组", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var cadres = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.Where(u => u.Role == StaffRole.ProjectCadre)
            .Select(u => new { u.UserName, u.ServiceGroupId }).ToListAsync());
        Assert.Equal(("cadre-y", (int?)group), (Assert.Single(cadres).UserName, cadres[0].ServiceGroupId));
    }
}
