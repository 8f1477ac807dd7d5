using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>What the account form offers the actor: the roles it manages, the nodes of its subtree, the departments.</summary>
public sealed record GetAccountFormChoices;

public sealed record AccountNodeChoice(string Code, string Name, TerritoryLevel Level);

public sealed record AccountFormChoices(IReadOnlyList<StaffRole> Roles, IReadOnlyList<AccountNodeChoice> Nodes, IReadOnlyList<(string Code, string Name)> Departments)
{
    /// <summary>The business communities the actor may place business-community staff and runners in.</summary>
    public IReadOnlyList<(int Id, string Name)> BusinessCommunities { get; init; } = [];
    /// <summary>The service groups the actor may place project cadres in.</summary>
    public IReadOnlyList<(int Id, string Name)> ServiceGroups { get; init; } = [];
}

public sealed class GetAccountFormChoicesHandler(CivicGridDbContext db)
{
    public async Task<AccountFormChoices> HandleAsync(GetAccountFormChoices query, CancellationToken ct)
    {
        var actor = db.Jurisdiction.Actor();
        var roles = actor.Role.ManagedRoles();
        // Only the levels some managed role is scoped to; grids are most of the tree and only grid workers need them.
        var levels = roles.Select(r => r.LevelFor()).ToList();
        var anyLevel = levels.Contains(null);
        var wanted = levels.OfType<TerritoryLevel>().Distinct().ToList();
        var nodes = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Code.StartsWith(actor.ScopeCode) && (anyLevel || wanted.Contains(n.Level)))
            .OrderBy(n => n.Code).Select(n => new AccountNodeChoice(n.Code, n.Name, n.Level)).ToListAsync(ct);
        var departments = roles.Contains(StaffRole.DepartmentHandler)
            ? (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).ConvertAll(d => (d.Code, d.Name))
            : [];
        var communities = roles.Contains(StaffRole.Runner)
            ? (await db.BusinessCommunities.AsNoTracking().Where(c => db.Jurisdiction.Role != StaffRole.BusinessCommunityStaff || c.Id == db.Jurisdiction.BusinessCommunityId)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).ConvertAll(c => (c.Id, c.Name))
            : [];
        var groups = roles.Contains(StaffRole.ProjectCadre)
            ? (await db.Set<Core.Projects.ServiceGroup>().AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.Name }).ToListAsync(ct)).ConvertAll(g => (g.Id, g.Name))
            : [];
        return new AccountFormChoices(roles, nodes, departments) { BusinessCommunities = communities, ServiceGroups = groups };
    }
}
