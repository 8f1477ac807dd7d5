using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>What the project form offers: the district's communities (with a point to start the site at), the service
/// groups with their cadres, and the sectors already in use.</summary>
public sealed record GetProjectFormChoices;

public sealed record CommunityChoice(string Code, string Name, string StreetName, double? Latitude, double? Longitude);

public sealed record ProjectFormChoices(IReadOnlyList<CommunityChoice> Communities, IReadOnlyList<ServiceGroupRow> Groups, IReadOnlyList<string> Sectors);

public sealed class GetProjectFormChoicesHandler(CivicGridDbContext db, ListServiceGroupsHandler groups)
{
    public async Task<ProjectFormChoices> HandleAsync(GetProjectFormChoices query, CancellationToken ct)
    {
        var nodes = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Level == TerritoryLevel.Community || n.Level == TerritoryLevel.Street)
            .Select(n => new { n.Code, n.Name, n.Level, n.ParentCode, n.CentreLatitude, n.CentreLongitude }).ToListAsync(ct);
        var streets = nodes.Where(n => n.Level == TerritoryLevel.Street).ToDictionary(n => n.Code, n => n.Name);
        var communities = nodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code)
            .Select(n => new CommunityChoice(n.Code, n.Name, streets.GetValueOrDefault(n.ParentCode ?? "", ""), n.CentreLatitude, n.CentreLongitude)).ToList();
        var sectors = await db.MajorProjects.AsNoTracking().Select(p => p.Sector).Distinct().OrderBy(s => s).ToListAsync(ct);
        return new(communities, await groups.HandleAsync(new ListServiceGroups(), ct), sectors);
    }
}
