using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Projects;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.Demo;
using CivicGrid.Core.Demo.Projects;
using CivicGrid.Core.People;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// The demo's portfolio of major projects: the twelve service groups, their cadres (accounts without a password, by the
/// the system's write path), the projects with their gates and timelines, and monthly progress. Does nothing when groups exist.
/// </summary>
public sealed record SeedDemoProjects(DemoScale Scale);

public sealed class SeedDemoProjectsHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public const string CadrePrefix = "demo-cadre-";

    /// <summary>Returns how many projects were written.</summary>
    public async Task<int> HandleAsync(SeedDemoProjects command, CancellationToken ct)
    {
        if (command.Scale.MajorProjects == 0 || await db.ServiceGroups.AnyAsync(ct))
        {
            return 0;
        }
        var groups = DemoProjects.Groups.Select((g, i) => new ServiceGroup { Name = g.Name, Focus = g.Focus, LeaderName = DemoProjects.LeaderOf(i) }).ToList();
        db.ServiceGroups.AddRange(groups);
        await db.SaveChangesAsync(ct);
        var communities = await db.SystemWork().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).ToListAsync(ct);
        var district = await db.SystemWork().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.District).Select(n => n.Code).FirstAsync(ct);
        var cadres = Cadres(groups, command.Scale.ProjectCadres, district);
        db.Users.AddRange(cadres);
        await db.SaveChangesAsync(ct);
        var demo = new DemoProjects(communities, groups.ConvertAll(g => g.Id),
            cadres.GroupBy(c => c.ServiceGroupId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Id).ToList()), db.Clock.Today());
        var projects = demo.Generate(command.Scale.MajorProjects);
        foreach (var (p, i) in projects.Select((p, i) => (p, i)))
        {
            var phone = $"139{i + 1:D8}";
            p.ContactPhoneCipher = protector.Encrypt(phone);
            p.ContactPhoneMasked = PersonalDataMask.Phone(phone);
        }
        db.MajorProjects.AddRange(projects);
        await db.SaveChangesAsync(ct);
        db.ProjectProgress.AddRange(demo.Progress(projects));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return projects.Count;
    }

    private List<StaffUser> Cadres(List<ServiceGroup> groups, int count, string districtCode) =>
        Enumerable.Range(0, count).Select(n =>
        {
            var group = groups[n % groups.Count];
            var name = $"{CadrePrefix}{n + 1:D3}";
            return new StaffUser
            {
                Id = Guid.NewGuid().ToString(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), DisplayName = $"{group.Name}专员{n / groups.Count + 1}", Role = StaffRole.ProjectCadre,
                ScopeCode = districtCode, ServiceGroupId = group.Id, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
        }).ToList();
}
