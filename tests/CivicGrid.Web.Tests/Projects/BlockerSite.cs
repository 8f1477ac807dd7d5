using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Projects;

/// <summary>Two service groups, a project of each at a grid of the seeded district, and cadres signed in to them.</summary>
internal sealed record BlockerSite(CivicGridFactory Site, int GroupA, int GroupB, int ProjectA, int ProjectB, string ProjectAName)
{
    public static async Task<BlockerSite> ArrangeAsync(CivicGridFactory site)
    {
        var grids = await site.GridsAsync();
        var (groupA, groupB) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var a = new ServiceGroup { Name = "数字经济服务组" };
            var b = new ServiceGroup { Name = "城市更新服务组" };
            db.ServiceGroups.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var projectA = await ProjectAsync(site, "XM-T01", "运河数智城算力中心", groupA, grids[0]);
        var projectB = await ProjectAsync(site, "XM-T02", "城北旧厂房更新", groupB, grids[^1]);
        return new(site, groupA, groupB, projectA, projectB, "运河数智城算力中心");
    }

    private static Task<int> ProjectAsync(CivicGridFactory site, string code, string name, int group, (string Code, double Latitude, double Longitude) grid) =>
        site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
            var request = new ProjectRequest(code, name, "杭州某科技有限公司", "数字经济", grid.Code[..12], grid.Latitude, grid.Longitude)
            {
                PlannedInvestment = Money.TenThousandYuan(50_000), ServiceGroupId = group,
                YearPlans = [new YearPlan(today.Year, Money.TenThousandYuan(12_000))],
                Gates = [new GateDates(ProjectStage.Signed, null, today.AddMonths(-6)), new GateDates(ProjectStage.Started, today.AddMonths(-1))],
            };
            var (project, refusals) = MajorProject.Register(request, "tests", today, db.Clock.GetUtcNow().UtcDateTime);
            Assert.Empty(refusals);
            db.MajorProjects.Add(project!);
            await db.SaveChangesAsync();
            return project!.Id;
        });

    /// <summary>A cadre of <paramref name="group"/>, signed in.</summary>
    public async Task<HttpClient> CadreAsync(int group)
    {
        var userName = await Site.CreateAccountAsync(StaffRole.ProjectCadre, "330105");
        await Site.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.ServiceGroupId = group;
            return await users.UpdateAsync(user);
        });
        var client = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        await CivicGridFactory.AddRequestTokenAsync(client);
        return client;
    }
}
