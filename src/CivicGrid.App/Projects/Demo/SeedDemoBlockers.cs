using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Demo.Projects;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects.Demo;

/// <summary>
/// Writes the demo's blockers over the demo projects (<see cref="DemoBlockers"/>) by the bulk path the demo's cases take:
/// the cases with their timelines and indicator roll-ups, then the blocker links. Each lies in the grid nearest its project.
/// </summary>
public sealed record SeedDemoBlockers(int Count, int Months = 12);

public sealed class SeedDemoBlockersHandler(CivicGridDbContext db, BulkInsert bulk, CaseReference reference)
{
    public async Task<int> HandleAsync(SeedDemoBlockers command, CancellationToken ct)
    {
        var sites = await SitesAsync(ct);
        if (sites.Count == 0 || command.Count <= 0)
        {
            return 0;
        }
        var snapshot = await reference.GetAsync(db, ct);
        var items = Enum.GetValues<BlockerType>().ToDictionary(t => t, t => snapshot.Items[t.ItemCode()]);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var firstId = await bulk.NextIdAsync<Case>(ct);
        var nextEventId = (await db.CaseEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        var played = new DemoBlockers(items, snapshot.Calendar).Generate(sites, command.Count, now.AddMonths(-command.Months), now, firstId).ToList();
        var timeline = played.SelectMany(p => p.Case.Timeline).ToList();
        timeline.ForEach(e => e.Id = nextEventId++);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(played.Select(p => p.Case), ct);
        await bulk.WriteAsync(timeline, ct);
        var firstBlocker = await bulk.NextIdAsync<ProjectBlocker>(ct);
        await bulk.WriteAsync(played.Select((p, i) => { p.Blocker.Id = firstBlocker + i; return p.Blocker; }), ct);
        await transaction.CommitAsync(ct);
        return played.Count;
    }

    /// <summary>Every project with a cadre to log its blockers: its lead cadre, or its group's first.</summary>
    private async Task<List<DemoBlockers.Site>> SitesAsync(CancellationToken ct)
    {
        var cadres = await db.Users.AsNoTracking().Where(u => u.Role == StaffRole.ProjectCadre && u.ServiceGroupId != null && u.DisabledAt == null)
            .OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.ServiceGroupId }).ToListAsync(ct);
        var byGroup = cadres.GroupBy(c => c.ServiceGroupId!.Value).ToDictionary(g => g.Key, g => g.First());
        var byId = cadres.ToDictionary(c => c.Id);
        var projects = await db.MajorProjects.AsNoTracking().Where(p => p.ServiceGroupId != null && p.Status != ProjectStatus.Terminated)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.CommunityCode, p.Latitude, p.Longitude, p.ServiceGroupId, p.LeadCadreId }).ToListAsync(ct);
        var grids = (await db.SystemWork().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Grid)
            .Select(n => new { n.Code, n.CentreLatitude, n.CentreLongitude }).ToListAsync(ct)).ToLookup(g => g.Code[..TerritoryCode.LengthOf(TerritoryLevel.Community)]);
        return projects.Select(p =>
        {
            var cadre = p.LeadCadreId is { } lead && byId.TryGetValue(lead, out var l) ? l : byGroup.GetValueOrDefault(p.ServiceGroupId!.Value);
            var grid = grids[p.CommunityCode].OrderBy(g => Math.Pow((g.CentreLatitude ?? 90) - p.Latitude, 2) + Math.Pow((g.CentreLongitude ?? 0) - p.Longitude, 2)).FirstOrDefault();
            return cadre is null || grid is null ? null : new DemoBlockers.Site(p.Id, grid.Code, p.Latitude, p.Longitude, cadre.Id, cadre.UserName ?? "");
        }).OfType<DemoBlockers.Site>().ToList();
    }
}
