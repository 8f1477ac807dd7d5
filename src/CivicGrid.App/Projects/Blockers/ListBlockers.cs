using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Projects.Reports;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects.Blockers;

/// <summary>The blockers of one project (项目堵点), newest first, each with where its case stands in the loop.</summary>
public sealed record ListBlockers(int ProjectId);

public sealed record BlockerView(
    int Id, int CaseId, BlockerType Type, string TypeName, string Description, string LoggedBy, DateTimeOffset LoggedAt, string Status,
    string StatusName, string? Department, DateTimeOffset? ResolveBy, bool Overdue, int AgeDays, int PressCount, bool MayVerify);

public sealed record ProjectBlockers(int ProjectId, string ProjectCode, string ProjectName, bool MayLog, IReadOnlyList<BlockerView> Blockers, IReadOnlyList<object?> ThreeRates);

public sealed class ListBlockersHandler(CivicGridDbContext db, Cases.CaseReference reference)
{
    public async Task<Outcome<ProjectBlockers>> HandleAsync(ListBlockers query, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        var project = await db.MajorProjects.AsNoTracking().Where(p => p.Id == query.ProjectId)
            .Select(p => new { p.Id, p.Code, p.Name, p.ServiceGroupId, p.Status }).FirstOrDefaultAsync(ct);
        if (project is null || !who.Role.MaySee())
        {
            return Outcome<ProjectBlockers>.NotFound();
        }
        var blockers = await PortfolioReader.WithCases(db, db.ProjectBlockers.Where(b => b.ProjectId == project.Id).OrderByDescending(b => b.Id)).ToListAsync(ct);
        var departments = (await reference.GetAsync(db, ct)).Departments;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var views = blockers.Select(pair =>
        {
            var (b, c) = (pair.Blocker, pair.Case);
            var facts = PortfolioReader.Facts(b, c);
            return new BlockerView(b.Id, c.Id, b.Type, b.Type.ChineseName(), c.Description, b.LoggedBy, DistrictTime.ToDistrictTime(b.LoggedAt),
                c.Status.ToString(), c.Status.ChineseName(), c.DepartmentCode is { } d && departments.TryGetValue(d, out var dep) ? dep.Name : c.DepartmentCode,
                c.ResolveBy is { } by ? DistrictTime.ToDistrictTime(by) : null, facts.Times.IsOverdueAt(now), facts.Times.AgeInDays(now), c.PressCount,
                c.Status == CaseStatus.Resolved && who.UserId is not null && c.SubmitterId == who.UserId);
        }).ToList();
        var mayLog = who.Role.May(Permission.FollowProjects) && project.Status != ProjectStatus.Terminated && (who.ServiceGroupId is null || who.ServiceGroupId == project.ServiceGroupId);
        var three = BlockerTables.ThreeRates(project.Name, blockers.Select(pair => PortfolioReader.Facts(pair.Blocker, pair.Case)));
        return Outcome<ProjectBlockers>.Ok(new ProjectBlockers(project.Id, project.Code, project.Name, mayLog, views, three));
    }
}
