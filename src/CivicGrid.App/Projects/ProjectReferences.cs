using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// The checks of what a project refers to, shared by the form and the import: the community exists, the service group
/// exists, and the lead cadre is a cadre of that group. Field names are the request's, in camel case.
/// </summary>
public sealed class ProjectReferences(IReadOnlyDictionary<string, string> communities, IReadOnlyDictionary<int, string> groups, IReadOnlyDictionary<string, int?> cadres)
{
    public static async Task<ProjectReferences> LoadAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var communities = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Community)
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var groups = await db.ServiceGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var cadres = await db.Users.AsNoTracking().Where(u => u.Role == StaffRole.ProjectCadre)
            .ToDictionaryAsync(u => u.Id, u => u.ServiceGroupId, ct);
        return new(communities, groups, cadres);
    }

    public IReadOnlyDictionary<int, string> Groups => groups;

    public IReadOnlyDictionary<string, string> Communities => communities;

    public void Check(ProjectRequest r, FieldErrors errors)
    {
        if (TerritoryCode.IsValid(r.CommunityCode) && !communities.ContainsKey(r.CommunityCode) && !errors.ContainsKey("communityCode"))
        {
            errors.Add("communityCode", "找不到该社区");
        }
        if (r.ServiceGroupId is { } group && !groups.ContainsKey(group))
        {
            errors.Add("serviceGroupId", "找不到该专项服务组");
        }
        if (!string.IsNullOrWhiteSpace(r.LeadCadreId) && (!cadres.TryGetValue(r.LeadCadreId, out var cadreGroup) || cadreGroup != r.ServiceGroupId))
        {
            errors.Add("leadCadreId", "牵头专员应为该专项服务组的项目服务专员");
        }
    }

    /// <summary>A core field name as the API names it: "PlannedInvestment" → "plannedInvestment"; the gates' refusals → "gates".</summary>
    public static string FieldName(string core) => core switch
    {
        "" => "",
        _ when core.StartsWith("Planned", StringComparison.Ordinal) && core != "PlannedInvestment" => "gates",
        _ when core.StartsWith("Reached", StringComparison.Ordinal) || core == "Gates" => "gates",
        _ => char.ToLowerInvariant(core[0]) + core[1..],
    };
}
