using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Browser.Tests.Projects;

/// <summary>A service group and a cadre of it, which the plain test accounts lack.</summary>
internal static class ProjectAccounts
{
    public static Task<int> ServiceGroupAsync(BrowserSite site, string name) => site.Factory.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var group = new ServiceGroup { Name = name };
        db.ServiceGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    public static async Task<string> CadreAsync(BrowserSite site, int group)
    {
        var userName = await site.Factory.CreateAccountAsync(StaffRole.ProjectCadre, "330105");
        await site.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.ServiceGroupId = group;
            return await users.UpdateAsync(user);
        });
        return userName;
    }
}
