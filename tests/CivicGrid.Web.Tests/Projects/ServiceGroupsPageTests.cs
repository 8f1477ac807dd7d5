using System.Net;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Projects;

/// <summary>/projects/groups (专项服务组, 服务专班): each group with its leader, its cadres and its projects' link, in Chinese and in English.</summary>
public class ServiceGroupsPageTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheGroupsPageShowsEachGroupWithItsLeaderAndCadresInBothLanguages(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var group = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var g = new ServiceGroup { Name = "数字经济服务组", Focus = "数字经济与软件项目", LeaderName = "周组长" };
            db.ServiceGroups.Add(g);
            await db.SaveChangesAsync();
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var cadre = new StaffUser { UserName = "cadre-page", DisplayName = "钱专员", Role = StaffRole.ProjectCadre, ScopeCode = "330105", ServiceGroupId = g.Id };
            Assert.True((await users.CreateAsync(cadre, CivicGridFactory.Password)).Succeeded);
            return g.Id;
        });
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, "330105001");
        var runner = await site.CreateClientAsync(StaffRole.Runner, "330105001");

        var chinese = await official.GetStringAsync("/projects/groups");
        using var refused = await runner.GetAsync("/projects/groups");
        await official.GetAsync("/culture/en-US?returnUrl=/projects/groups");
        var english = await official.GetStringAsync("/projects/groups");

        Assert.Contains("数字经济服务组", chinese, StringComparison.Ordinal);
        Assert.Contains("周组长", chinese, StringComparison.Ordinal);
        Assert.Contains("钱专员", chinese, StringComparison.Ordinal);
        Assert.Contains($"projects?serviceGroupId={group}", chinese, StringComparison.Ordinal);
        Assert.Contains("服务专员", chinese, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("lang=\"en-US\"", english, StringComparison.Ordinal);
        Assert.Contains("Service groups", english, StringComparison.Ordinal);
        Assert.Contains("Cadres", english, StringComparison.Ordinal);
        Assert.Contains("View projects", english, StringComparison.Ordinal);
        Assert.DoesNotContain("服务专员", english, StringComparison.Ordinal);
        Assert.DoesNotContain("查看项目", english, StringComparison.Ordinal);
    }
}
