using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>One project with its gates (planned vs actual), yearly plans, progress history and timeline.</summary>
public sealed record GetProject(int Id);

public sealed class GetProjectHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ProjectDetail>> HandleAsync(GetProject query, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (!role.MaySee())
        {
            return Outcome<ProjectDetail>.Forbidden(ProjectPermissions.Refusal);
        }
        var p = await db.MajorProjects.AsNoTracking().AsSplitQuery().Include(x => x.Gates).Include(x => x.YearPlans).Include(x => x.Timeline)
            .FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (p is null)
        {
            return Outcome<ProjectDetail>.NotFound();
        }
        var progress = await db.ProjectProgress.AsNoTracking().Where(x => x.ProjectId == p.Id)
            .OrderByDescending(x => x.Month).ThenByDescending(x => x.Id).ToListAsync(ct);
        var names = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Code == p.CommunityCode || n.Code == p.StreetCode)
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var group = p.ServiceGroupId is { } g ? await db.ServiceGroups.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var cadre = p.LeadCadreId is { } c ? await db.Users.AsNoTracking().Where(u => u.Id == c).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var today = db.Clock.Today();
        return Outcome<ProjectDetail>.Ok(new ProjectDetail(
            p.Id, p.Code, p.Name, p.Investor, p.Sector, p.CommunityCode, names.GetValueOrDefault(p.CommunityCode), p.StreetCode, names.GetValueOrDefault(p.StreetCode),
            p.Latitude, p.Longitude, p.Boundary, p.PlannedInvestment.InTenThousandYuan,
            p.YearPlans.OrderBy(y => y.Year).Select(y => new YearPlanRow(y.Year, y.Planned.InTenThousandYuan)).ToList(),
            p.ServiceGroupId, group, p.LeadCadreId, cadre, p.ContactName, p.ContactPhoneMasked, p.Status, p.Stage, p.StatusReason,
            p.Gates.OrderBy(x => x.Stage).Select(x => new GateRow(x.Stage, x.PlannedOn, x.ReachedOn,
                x.Stage.IsTracked() && FiveGates.Counts(p.TerminatedOn, today) && FiveGates.IsNotYet(x.PlannedOn, x.ReachedOn, today))).ToList(),
            progress.Sum(x => x.InvestmentDone.InTenThousandYuan),
            progress.Select(x => new ProgressRow(x.Id, x.Month, x.InvestmentDone.InTenThousandYuan, x.StageReached, x.Note, x.Photos, x.Confirmed, x.RecordedBy, x.RecordedAt)).ToList(),
            p.Timeline.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => new ProjectEventRow(t.At, t.Action, t.Stage, t.On, t.Actor, t.Note)).ToList(),
            ProjectPermissions.Allowed(p, role), role.MayFollow() && p.Status != ProjectStatus.Terminated, p.Version));
    }
}
