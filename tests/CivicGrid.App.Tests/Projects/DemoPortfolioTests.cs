using CivicGrid.App.Access;
using CivicGrid.App.Demo;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Projects;

public class DemoPortfolioTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDemoPortfolioIsSeededOnceWithGroupsCadresProjectsAndProgress(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        var seed = system.Get<SeedDemoProjectsHandler>();
        var scale = DemoScale.Tiny with { MajorProjects = 40, ProjectCadres = 24 };

        Assert.Equal(40, await seed.HandleAsync(new SeedDemoProjects(scale), default));
        Assert.Equal(0, await seed.HandleAsync(new SeedDemoProjects(scale), default));

        Assert.Equal(12, await system.Db.ServiceGroups.CountAsync());
        Assert.Equal(24, await system.Db.Users.CountAsync(u => u.Role == StaffRole.ProjectCadre && u.ServiceGroupId != null));
        Assert.Equal(40 * 8, await system.Db.ProjectGates.CountAsync());
        Assert.True(await system.Db.ProjectProgress.AnyAsync());
        Assert.True(await system.Db.MajorProjects.AllAsync(p => p.ContactPhoneMasked != null && p.LeadCadreId != null));
    }
}
