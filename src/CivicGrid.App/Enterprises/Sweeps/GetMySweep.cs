using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>The signed-in runner's sweep (我的扫楼): their buildings with coverage, what is overdue and due this week, every firm's last visit.</summary>
public sealed record GetMySweep;

public sealed record SweepRow(
    int EnterpriseId, string Enterprise, int BuildingId, bool IsKeyTax, DateOnly? LastVisit, DateOnly DueOn, SweepStatus Status, bool Covered);

public sealed record SweepBuildingRow(int BuildingId, string Name, DateOnly Since, SweepCoverage Coverage);

public sealed record MySweep(DateOnly Today, IReadOnlyList<SweepBuildingRow> Buildings, IReadOnlyList<SweepRow> Firms)
{
    public IEnumerable<SweepRow> Overdue => Firms.Where(f => f.Status == SweepStatus.Overdue);
    public IEnumerable<SweepRow> DueThisWeek => Firms.Where(f => f.Status == SweepStatus.DueThisWeek);
    public IEnumerable<SweepRow> InBuilding(int buildingId) => Firms.Where(f => f.BuildingId == buildingId);
}

public sealed class GetMySweepHandler(CivicGridDbContext db, SweepPolicy policy)
{
    public async Task<Outcome<MySweep>> HandleAsync(GetMySweep query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.SweepBuildings) || db.Jurisdiction.UserId is not { } runner)
        {
            return Outcome<MySweep>.Forbidden(SweepScope.Refusal);
        }
        var today = db.Clock.Today();
        var assignments = await db.RunnerAssignments.AsNoTracking()
            .Where(a => a.RunnerId == runner && a.Since <= today && (a.Until == null || a.Until >= today)).ToListAsync(ct);
        var buildingIds = assignments.Select(a => a.BuildingId).Distinct().ToList();
        var names = await db.Buildings.AsNoTracking().Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var firms = await db.Enterprises.AsNoTracking().Where(e => e.BuildingId != null && buildingIds.Contains(e.BuildingId.Value))
            .Select(e => new { e.Id, e.Name, Building = e.BuildingId!.Value, e.IsKeyTaxSource }).ToListAsync(ct);
        var visits = await LastVisits.InAsync(db, db.Buildings.Where(b => buildingIds.Contains(b.Id)).Select(b => b.Id), db.Clock.GetUtcNow().UtcDateTime, ct);
        var plan = SweepPlanner.Plan(policy, firms.Select(f => new SweepEnterprise(f.Id, f.Building, null, f.IsKeyTaxSource)), assignments, visits, today);
        var firmNames = firms.ToDictionary(f => f.Id, f => f.Name);
        var rows = plan.Items.Select(i => new SweepRow(i.EnterpriseId, firmNames[i.EnterpriseId], i.BuildingId, i.IsKeyTax, i.LastVisit, i.DueOn, i.Status, i.Covered)).ToList();
        var buildings = plan.Buildings.Select(c => new SweepBuildingRow(c.PlaceId, names.GetValueOrDefault(c.PlaceId, ""), assignments.Where(a => a.BuildingId == c.PlaceId).Min(a => a.Since), c))
            .Concat(buildingIds.Where(b => plan.Buildings.All(c => c.PlaceId != b)).Select(b => new SweepBuildingRow(b, names.GetValueOrDefault(b, ""),
                assignments.Where(a => a.BuildingId == b).Min(a => a.Since), new SweepCoverage(b, 0, 0, 0, 0, 0, 0))))
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        return Outcome<MySweep>.Ok(new MySweep(today, buildings, rows));
    }
}
