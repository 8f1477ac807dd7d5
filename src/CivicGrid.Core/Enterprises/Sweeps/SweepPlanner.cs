namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>
/// Plans building sweeps (扫楼计划) from the policy, the enterprises, the buildings assigned and the visits made: what
/// is overdue, what falls due this week (Monday to Sunday, China time), and coverage per building and business
/// community. For a runner, pass their assignments; for officials, everyone's, and count the buildings nobody was given
/// with <c>includeUnassigned</c> (due from the policy's start), so an unswept building shows as uncovered.
/// </summary>
public static class SweepPlanner
{
    public static SweepPlan Plan(
        SweepPolicy policy, IEnumerable<SweepEnterprise> enterprises, IEnumerable<RunnerAssignment> assignments,
        IEnumerable<(int EnterpriseId, DateOnly Day)> visits, DateOnly today, bool includeUnassigned = false)
    {
        var assignedSince = assignments.Where(a => a.Since <= today && (a.Until is null || today <= a.Until))
            .GroupBy(a => a.BuildingId).ToDictionary(g => g.Key, g => g.Min(a => a.Since));
        var lastVisit = visits.Where(v => v.Day <= today).GroupBy(v => v.EnterpriseId).ToDictionary(g => g.Key, g => g.Max(v => v.Day));
        var weekEnd = Visits.VisitCycle.WeekEnd(today);
        var items = enterprises
            .Where(e => includeUnassigned || assignedSince.ContainsKey(e.BuildingId))
            .Select(e => Item(policy, e, lastVisit.TryGetValue(e.EnterpriseId, out var last) ? last : null,
                assignedSince.TryGetValue(e.BuildingId, out var since) ? since : null, today, weekEnd))
            .OrderBy(i => i.DueOn).ThenBy(i => i.BuildingId).ThenBy(i => i.EnterpriseId)
            .ToList();
        return new SweepPlan(items, Roll(items, i => i.BuildingId), Roll(items.Where(i => i.BusinessCommunityId is not null), i => i.BusinessCommunityId!.Value));
    }

    private static SweepItem Item(SweepPolicy policy, SweepEnterprise e, DateOnly? last, DateOnly? assignedSince, DateOnly today, DateOnly weekEnd)
    {
        var due = policy.DueOn(e.IsKeyTax, last, assignedSince);
        var status = due < today ? SweepStatus.Overdue : due <= weekEnd ? SweepStatus.DueThisWeek : SweepStatus.NotDue;
        return new SweepItem(e.EnterpriseId, e.BuildingId, e.BusinessCommunityId, e.IsKeyTax, last, due, status, policy.Covers(e.IsKeyTax, last, today));
    }

    private static List<SweepCoverage> Roll(IEnumerable<SweepItem> items, Func<SweepItem, int> place) =>
        items.GroupBy(place).OrderBy(g => g.Key).Select(g => new SweepCoverage(
            g.Key, g.Count(), g.Count(i => i.Covered), g.Count(i => i.Status == SweepStatus.Overdue),
            g.Count(i => i.Status == SweepStatus.DueThisWeek), g.Count(i => i.IsKeyTax), g.Count(i => i.IsKeyTax && i.Covered))).ToList();
}
