using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>The special service groups (专项服务组) with their cadres and the projects the caller sees of each.</summary>
public sealed record ListServiceGroups;

public sealed record CadreRow(string Id, string DisplayName, string UserName);

public sealed record ServiceGroupRow(int Id, string Name, string? Focus, string? LeaderName, IReadOnlyList<CadreRow> Cadres, int Projects, int ActiveProjects);

public sealed class ListServiceGroupsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<ServiceGroupRow>> HandleAsync(ListServiceGroups query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MaySee())
        {
            return [];
        }
        var groups = await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
        var cadres = (await db.Users.AsNoTracking().Where(u => u.Role == StaffRole.ProjectCadre && u.ServiceGroupId != null && u.DisabledAt == null)
            .OrderBy(u => u.DisplayName).Select(u => new { u.ServiceGroupId, u.Id, u.DisplayName, u.UserName }).ToListAsync(ct)).ToLookup(u => u.ServiceGroupId);
        var counts = await db.MajorProjects.AsNoTracking().Where(p => p.ServiceGroupId != null).GroupBy(p => p.ServiceGroupId)
            .Select(g => new { Group = g.Key, All = g.Count(), Active = g.Count(p => p.Status == ProjectStatus.Active) }).ToDictionaryAsync(x => x.Group!.Value, ct);
        return groups.ConvertAll(g => new ServiceGroupRow(g.Id, g.Name, g.Focus, g.LeaderName,
            cadres[g.Id].Select(c => new CadreRow(c.Id, c.DisplayName, c.UserName ?? "")).ToList(),
            counts.GetValueOrDefault(g.Id)?.All ?? 0, counts.GetValueOrDefault(g.Id)?.Active ?? 0));
    }
}
