using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>
/// The sweep figures per business community as <see cref="SweepPlanner"/> counts them (officials' view: buildings
/// nobody sweeps count too), but grouped in SQL, never loading a visit: the policy's intervals become cut-off days; the
/// visits are grouped to each enterprise's last, and those to counts per building, key-tax flag and standing (covered,
/// past due, between), a few rows per building. An enterprise never visited is past due when the later of the policy's
/// start and its building's assignment is before the cut-off, which is decided per building from the enterprises'
/// count there and the building's assignments, both small.
/// </summary>
internal sealed class SweepCounts(CivicGridDbContext db, SweepPolicy policy, IQueryable<Office> offices)
{
    private sealed record Standing(int Community, int? Building, bool KeyTax, bool Covered, bool Overdue, int Count);

    public async Task<Dictionary<int, SweepFigures>> PerCommunityAsync(CancellationToken ct)
    {
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (keyCovered, otherCovered) = (SweepScope.StartUtc(CoveredFrom(policy.KeyTaxEveryMonths, today)), SweepScope.StartUtc(CoveredFrom(policy.OthersEveryMonths, today)));
        var (keyOverdue, otherOverdue) = (OverdueBefore(policy.KeyTaxEveryMonths, today), OverdueBefore(policy.OthersEveryMonths, today));
        var (keyOverdueUtc, otherOverdueUtc) = (SweepScope.StartUtc(keyOverdue), SweepScope.StartUtc(otherOverdue));
        var last = db.EnterpriseVisits.Where(v => v.At <= now).GroupBy(v => v.EnterpriseId).Select(g => new { EnterpriseId = g.Key, At = g.Max(v => v.At) });
        var visited = await db.Enterprises.Join(last, e => e.Id, l => l.EnterpriseId, (e, l) => new { e.BuildingId, e.IsKeyTaxSource, l.At })
            .Join(offices, x => x.BuildingId, b => b.Id, (x, b) => new { b.Community, x.BuildingId, x.IsKeyTaxSource, x.At })
            .GroupBy(x => new
            {
                x.Community, x.BuildingId, x.IsKeyTaxSource,
                Covered = x.At >= (x.IsKeyTaxSource ? keyCovered : otherCovered),
                Overdue = x.At < (x.IsKeyTaxSource ? keyOverdueUtc : otherOverdueUtc),
            })
            .Select(g => new Standing(g.Key.Community, g.Key.BuildingId, g.Key.IsKeyTaxSource, g.Key.Covered, g.Key.Overdue, g.Count()))
            .ToListAsync(ct);
        var all = await db.Enterprises.Join(offices, e => e.BuildingId, b => b.Id, (e, b) => new { b.Community, e.BuildingId, e.IsKeyTaxSource })
            .GroupBy(x => new { x.Community, x.BuildingId, x.IsKeyTaxSource })
            .Select(g => new Standing(g.Key.Community, g.Key.BuildingId, g.Key.IsKeyTaxSource, false, false, g.Count())).ToListAsync(ct);
        var assigned = await db.RunnerAssignments.Where(a => a.Since <= today && (a.Until == null || a.Until >= today))
            .GroupBy(a => a.BuildingId).Select(g => new { Building = g.Key, Since = g.Min(a => a.Since) }).ToDictionaryAsync(a => a.Building, a => a.Since, ct);
        var since = SweepScope.StartUtc(today.AddDays(-90));
        var recent = await db.EnterpriseVisits.Where(v => v.At >= since && v.At <= now).Join(offices, v => (int?)v.BuildingId, b => b.Id, (v, b) => b.Community)
            .GroupBy(c => c).Select(g => new { Community = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Community, g => g.Count, ct);

        // Never visited and past due: the later of the policy's start and the building's first assignment is before the cut-off.
        bool UnvisitedOverdue(Standing s)
        {
            var cut = s.KeyTax ? keyOverdue : otherOverdue;
            var from = s.Building is { } b && assigned.TryGetValue(b, out var a) && a > policy.Since ? a : policy.Since;
            return from < cut;
        }
        var seen = visited.GroupBy(v => (v.Building, v.KeyTax)).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        var unvisited = all.Select(s => s with { Count = s.Count - seen.GetValueOrDefault((s.Building, s.KeyTax)) }).Where(UnvisitedOverdue).ToList();
        return all.Select(s => s.Community).Distinct().ToDictionary(c => c, c => new SweepFigures(
            visited.Where(v => v.Community == c && v.Covered).Sum(v => v.Count),
            visited.Where(v => v.Community == c && v.Overdue).Sum(v => v.Count) + unvisited.Where(u => u.Community == c).Sum(u => u.Count),
            visited.Where(v => v.Community == c && v.Covered && v.KeyTax).Sum(v => v.Count),
            recent.GetValueOrDefault(c)));
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
