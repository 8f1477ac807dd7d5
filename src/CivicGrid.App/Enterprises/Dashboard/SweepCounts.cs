using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>
/// The sweep figures per business community as <see cref="SweepPlanner"/> counts them (officials' view: buildings
/// nobody sweeps count too), but grouped in SQL, never loading a visit: the policy's intervals become two cut-off
/// days, and each enterprise is covered when a visit of it falls on or after its cut-off (an index seek on the
/// enterprise and time). An enterprise is overdue when it is not visited since its overdue day and its due date, from
/// its last visit or else from the later of the policy's start and its building's assignment, has passed.
/// </summary>
internal sealed class SweepCounts(CivicGridDbContext db, SweepPolicy policy, IQueryable<Office> offices)
{
    public async Task<Dictionary<int, SweepFigures>> PerCommunityAsync(CancellationToken ct)
    {
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var keyCovered = SweepScope.StartUtc(CoveredFrom(policy.KeyTaxEveryMonths, today));
        var otherCovered = SweepScope.StartUtc(CoveredFrom(policy.OthersEveryMonths, today));
        var keyOverdue = OverdueBefore(policy.KeyTaxEveryMonths, today);
        var otherOverdue = OverdueBefore(policy.OthersEveryMonths, today);
        var (keyOverdueUtc, otherOverdueUtc) = (SweepScope.StartUtc(keyOverdue), SweepScope.StartUtc(otherOverdue));
        var (keyStarted, otherStarted) = (policy.Since < keyOverdue, policy.Since < otherOverdue);
        var visits = db.EnterpriseVisits.Where(v => v.At <= now);
        var active = db.RunnerAssignments.Where(a => a.Since <= today && (a.Until == null || a.Until >= today));
        var firms = db.Enterprises.Join(offices, e => e.BuildingId, b => b.Id, (e, b) => new { e.Id, e.BuildingId, e.IsKeyTaxSource, b.Community });

        var covered = await firms
            .Where(e => visits.Any(v => v.EnterpriseId == e.Id && v.At >= (e.IsKeyTaxSource ? keyCovered : otherCovered)))
            .GroupBy(e => new { e.Community, e.IsKeyTaxSource }).Select(g => new { g.Key.Community, g.Key.IsKeyTaxSource, Count = g.Count() })
            .ToListAsync(ct);
        var overdue = await firms
            .Where(e => !visits.Any(v => v.EnterpriseId == e.Id && v.At >= (e.IsKeyTaxSource ? keyOverdueUtc : otherOverdueUtc)))
            .Where(e => visits.Any(v => v.EnterpriseId == e.Id)
                || ((e.IsKeyTaxSource ? keyStarted : otherStarted)
                    && (!active.Any(a => a.BuildingId == e.BuildingId)
                        || active.Any(a => a.BuildingId == e.BuildingId && a.Since < (e.IsKeyTaxSource ? keyOverdue : otherOverdue)))))
            .GroupBy(e => e.Community).Select(g => new { Community = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var since = SweepScope.StartUtc(today.AddDays(-90));
        var recent = await visits.Where(v => v.At >= since).Join(offices, v => (int?)v.BuildingId, b => b.Id, (v, b) => b.Community)
            .GroupBy(c => c).Select(g => new { Community = g.Key, Count = g.Count() }).ToListAsync(ct);

        return covered.Select(c => c.Community).Concat(overdue.Select(o => o.Community)).Concat(recent.Select(r => r.Community)).Distinct()
            .ToDictionary(c => c, c => new SweepFigures(
                covered.Where(x => x.Community == c).Sum(x => x.Count),
                overdue.Where(x => x.Community == c).Sum(x => x.Count),
                covered.Where(x => x.Community == c && x.IsKeyTaxSource).Sum(x => x.Count),
                recent.Where(x => x.Community == c).Sum(x => x.Count)));
    }

    /// <summary>The first day a visit on which still counts today: the smallest d with d + interval after today.</summary>
    internal static DateOnly CoveredFrom(int months, DateOnly today) => First(months, today, due => due > today);

    /// <summary>The first day from which a due date is not yet past: the smallest d with d + interval on or after today.</summary>
    internal static DateOnly OverdueBefore(int months, DateOnly today) => First(months, today, due => due >= today);

    /// <summary>Adding months only grows (clamping at a month's end), so the first day that passes is found by walking a few days.</summary>
    private static DateOnly First(int months, DateOnly today, Func<DateOnly, bool> passes)
    {
        var day = today.AddMonths(-months).AddDays(-4);
        while (!passes(day.AddMonths(months)))
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
