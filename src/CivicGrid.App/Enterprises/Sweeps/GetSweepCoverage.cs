using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>
/// Visit coverage per office building of a business community (走访覆盖), with each building's runners, for the staff
/// who assign them. Buildings nobody sweeps count as uncovered. Without a community: the actor's own, or the first in scope.
/// </summary>
public sealed record GetSweepCoverage(int? BusinessCommunityId = null);

public sealed record CoverageBuilding(int BuildingId, string Name, double Latitude, double Longitude, IReadOnlyList<AssignmentRow> Runners, SweepCoverage Coverage)
{
    public CoverageBand Band => CoverageBands.Of(Coverage);
}

public sealed record SweepCoverageView(int? BusinessCommunityId, string? Community, SweepCoverage? Total, IReadOnlyList<CoverageBuilding> Buildings);

public sealed class GetSweepCoverageHandler(CivicGridDbContext db, SweepPolicy policy)
{
    public async Task<Outcome<SweepCoverageView>> HandleAsync(GetSweepCoverage query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.SeeEnterprises))
        {
            return Outcome<SweepCoverageView>.Forbidden(SweepScope.Refusal);
        }
        var communities = SweepScope.Offices(db).Select(b => b.BusinessCommunityId!.Value).Distinct();
        var community = await db.BusinessCommunities.AsNoTracking().Where(c => communities.Contains(c.Id))
            .Where(c => query.BusinessCommunityId == null || c.Id == query.BusinessCommunityId).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (community is null)
        {
            return query.BusinessCommunityId is null ? Outcome<SweepCoverageView>.Ok(new SweepCoverageView(null, null, null, [])) : Outcome<SweepCoverageView>.NotFound();
        }
        var today = db.Clock.Today();
        var buildings = await SweepScope.Offices(db).AsNoTracking().Where(b => b.BusinessCommunityId == community.Id)
            .Select(b => new { b.Id, b.Name, b.Latitude, b.Longitude }).OrderBy(b => b.Name).ToListAsync(ct);
        var ids = db.Buildings.Where(b => b.BusinessCommunityId == community.Id).Select(b => b.Id);
        var assignments = await db.RunnerAssignments.AsNoTracking().Where(a => ids.Contains(a.BuildingId) && (a.Until == null || a.Until >= today))
            .Join(db.Users, a => a.RunnerId, u => u.Id, (a, u) => new { Assignment = a, u.UserName, u.DisplayName }).ToListAsync(ct);
        var firms = await db.Enterprises.AsNoTracking().Where(e => e.BuildingId != null && ids.Contains(e.BuildingId.Value))
            .Select(e => new SweepEnterprise(e.Id, e.BuildingId!.Value, community.Id, e.IsKeyTaxSource)).ToListAsync(ct);
        var visits = await LastVisits.InAsync(db, ids, db.Clock.GetUtcNow().UtcDateTime, ct);
        var plan = SweepPlanner.Plan(policy, firms, assignments.Select(a => a.Assignment), visits, today, includeUnassigned: true);
        var coverage = plan.Buildings.ToDictionary(c => c.PlaceId);
        var rows = buildings.Select(b => new CoverageBuilding(b.Id, b.Name, b.Latitude, b.Longitude,
            assignments.Where(a => a.Assignment.BuildingId == b.Id && a.Assignment.Since <= today)
                .Select(a => new AssignmentRow(a.Assignment.Id, a.UserName!, a.DisplayName, b.Id, a.Assignment.Since, a.Assignment.Until)).ToList(),
            coverage.GetValueOrDefault(b.Id) ?? new SweepCoverage(b.Id, 0, 0, 0, 0, 0, 0))).ToList();
        return Outcome<SweepCoverageView>.Ok(new SweepCoverageView(community.Id, community.Name, plan.BusinessCommunities.FirstOrDefault(), rows));
    }
}
