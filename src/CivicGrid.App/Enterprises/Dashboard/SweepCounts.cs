using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>
/// The sweep figures per business community as <see cref="SweepPlanner"/> counts them (officials' view: buildings
/// nobody sweeps count too), but grouped in SQL, never loading a visit: the policy's intervals become cut-off days; the
/// enterprises in offices, each with its last visit if any, are counted per building, key-tax flag and standing (never
/// visited, covered, past due, between), a few rows per building. An enterprise never visited is past due when the later of the policy's
/// start and its building's assignment is before the cut-off, which is decided per building from the enterprises'
/// count there and the building's assignments, both small.
/// </summary>
internal sealed class SweepCounts(CivicGridDbContext db, SweepPolicy policy, IQueryable<Office> offices)
{
    private sealed record Standing(int Community, int? Building, bool KeyTax, bool Visited, bool Covered, bool Overdue, int Count);

    /// <summary>Each community's enterprises (counted for the sweeps anyway) and sweep figures.</summary>
    public async Task<Dictionary<int, CommunityEnterprises>> PerCommunityAsync(CancellationToken ct)
    {
        var today = db.Clock.Today();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (keyCovered, otherCovered) = (SweepScope.StartUtc(CoveredFrom(policy.KeyTaxEveryMonths, today)), SweepScope.StartUtc(CoveredFrom(policy.OthersEveryMonths, today)));
        var (keyOverdue, otherOverdue) = (OverdueBefore(policy.KeyTaxEveryMonths, today), OverdueBefore(policy.OthersEveryMonths, today));
        var (keyOverdueUtc, otherOverdueUtc) = (SweepScope.StartUtc(keyOverdue), SweepScope.StartUtc(otherOverdue));
        var last = db.EnterpriseVisits.Where(v => v.At <= now).GroupBy(v => v.EnterpriseId).Select(g => new { EnterpriseId = g.Key, At = g.Max(v => v.At) });
        // One pass over the enterprises in offices, each with its last visit if any.
        var standings = await db.Enterprises
            .Join(offices, e => e.BuildingId, b => b.Id, (e, b) => new { e.Id, b.Community, e.BuildingId, e.IsKeyTaxSource })
            .LeftJoin(last, x => x.Id, l => l.EnterpriseId, (x, l) => new { x.Community, x.BuildingId, x.IsKeyTaxSource, At = (DateTime?)l!.At })
            .GroupBy(x => new
            {
                x.Community, x.BuildingId, x.IsKeyTaxSource, Visited = x.At != null,
                Covered = x.At >= (x.IsKeyTaxSource ? keyCovered : otherCovered),
                Overdue = x.At < (x.IsKeyTaxSource ? keyOverdueUtc : otherOverdueUtc),
            })
            .Select(g => new Standing(g.Key.Community, g.Key.BuildingId, g.Key.IsKeyTaxSource, g.Key.Visited, g.Key.Covered, g.Key.Overdue, g.Count()))
            .ToListAsync(ct);
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
        int Count(IEnumerable<Standing> standing, Func<Standing, bool> which) => standing.Where(which).Sum(s => s.Count);
        return standings.GroupBy(s => s.Community).ToDictionary(g => g.Key, g => new CommunityEnterprises(
            new EnterpriseFigures(Count(g, _ => true), Count(g, s => s.KeyTax)),
            new SweepFigures(
                Count(g, s => s.Visited && s.Covered),
                Count(g, s => s.Visited ? s.Overdue : UnvisitedOverdue(s)),
                Count(g, s => s.Visited && s.Covered && s.KeyTax),
                recent.GetValueOrDefault(g.Key))));
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

internal sealed record CommunityEnterprises(EnterpriseFigures Enterprises, SweepFigures Sweeps);
