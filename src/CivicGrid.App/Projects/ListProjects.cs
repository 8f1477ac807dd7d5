using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>How the portfolio is ordered.</summary>
public enum ProjectSort
{
    Code,
    Name,
    /// <summary>Largest planned investment first.</summary>
    Investment,
    /// <summary>Furthest stage first.</summary>
    Stage,
    /// <summary>Most recently changed first.</summary>
    Updated,
}

/// <summary>
/// The portfolio the caller sees (项目库): search in code, name and investor; filters by stage, status, service group,
/// street, sector and a "not yet" gate (projects whose gate is 未开工, 未竣工… today, as <see cref="FiveGates"/> defines).
/// </summary>
public sealed record ListProjects(
    string? Search = null, ProjectStage? Stage = null, ProjectStatus? Status = null, int? ServiceGroupId = null, string? StreetCode = null,
    string? Sector = null, ProjectStage? NotYet = null, ProjectSort Sort = ProjectSort.Code, int PageNumber = 1, int PageSize = 20);

public sealed class ListProjectsHandler(CivicGridDbContext db)
{
    public async Task<Page<ProjectListRow>> HandleAsync(ListProjects query, CancellationToken ct)
    {
        var size = Page<ProjectListRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        if (!db.Jurisdiction.Role.MaySee())
        {
            return new Page<ProjectListRow>([], number, size, 0);
        }
        var projects = Filtered(query, db.Clock.Today());
        var total = await projects.CountAsync(ct);
        var rows = await Sorted(projects, query.Sort).Skip((number - 1) * size).Take(size)
            .Select(p => new { p.Id, p.Code, p.Name, p.Investor, p.Sector, p.StreetCode, p.PlannedInvestment, p.Stage, p.Status, p.ServiceGroupId, p.TerminatedOn })
            .ToListAsync(ct);
        var ids = rows.ConvertAll(r => r.Id);
        var gates = (await db.ProjectGates.AsNoTracking().Where(g => ids.Contains(g.ProjectId) && g.Stage >= ProjectStage.Started).ToListAsync(ct))
            .ToLookup(g => g.ProjectId);
        var streets = rows.Select(r => r.StreetCode).Distinct().ToList();
        var streetNames = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => streets.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var groups = await db.ServiceGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var today = db.Clock.Today();
        return new Page<ProjectListRow>(rows.ConvertAll(r => new ProjectListRow(
            r.Id, r.Code, r.Name, r.Investor, r.Sector, r.StreetCode, streetNames.GetValueOrDefault(r.StreetCode), r.PlannedInvestment.InTenThousandYuan,
            r.Stage, r.Status, r.ServiceGroupId, r.ServiceGroupId is { } g ? groups.GetValueOrDefault(g) : null,
            gates[r.Id].Where(x => FiveGates.Counts(r.TerminatedOn, today) && FiveGates.IsNotYet(x.PlannedOn, x.ReachedOn, today)).Select(x => x.Stage).Order().ToList())),
            number, size, total);
    }

    private IQueryable<MajorProject> Filtered(ListProjects q, DateOnly today)
    {
        var projects = db.MajorProjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            projects = projects.Where(p => p.Code.Contains(text) || p.Name.Contains(text) || p.Investor.Contains(text));
        }
        if (q.Stage is { } stage)
        {
            projects = projects.Where(p => p.Stage == stage);
        }
        if (q.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }
        if (q.ServiceGroupId is { } group)
        {
            projects = projects.Where(p => p.ServiceGroupId == group);
        }
        if (!string.IsNullOrWhiteSpace(q.StreetCode))
        {
            projects = projects.Where(p => p.StreetCode == q.StreetCode);
        }
        if (!string.IsNullOrWhiteSpace(q.Sector))
        {
            projects = projects.Where(p => p.Sector == q.Sector);
        }
        if (q.NotYet is { } gate && gate.IsTracked())
        {
            // FiveGates.IsNotYet and Counts, in SQL: planned by today, not reached by today, not terminated by today.
            projects = projects.Where(p => (p.TerminatedOn == null || p.TerminatedOn > today)
                && p.Gates.Any(g => g.Stage == gate && g.PlannedOn <= today && (g.ReachedOn == null || g.ReachedOn > today)));
        }
        return projects;
    }

    private static IQueryable<MajorProject> Sorted(IQueryable<MajorProject> projects, ProjectSort sort) => sort switch
    {
        ProjectSort.Name => projects.OrderBy(p => p.Name).ThenBy(p => p.Id),
        ProjectSort.Investment => projects.OrderByDescending(p => p.PlannedInvestment).ThenBy(p => p.Id),
        ProjectSort.Stage => projects.OrderByDescending(p => p.Stage).ThenBy(p => p.Code),
        ProjectSort.Updated => projects.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        _ => projects.OrderBy(p => p.Code),
    };
}
