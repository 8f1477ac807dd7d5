namespace CivicGrid.Core.Visits;

/// <summary>A household as the plan reads it: its grid, whether the attention rule selects a member, its last visit.</summary>
public readonly record struct PlannedHousehold(int HouseholdId, string GridCode, bool Attention, DateOnly? LastVisit);

/// <summary>One household in the plan: its cycle, last visit, next due day and where it stands.</summary>
public readonly record struct VisitPlanItem(int HouseholdId, string GridCode, bool Attention, int EveryMonths, DateOnly? LastVisit, DateOnly DueOn, VisitStatus Status, bool Covered);

/// <summary>
/// Visit coverage of a place (走访覆盖率): of its households, how many a visit still counts for, how many are overdue or
/// due this week, and the same for the households of attention.
/// </summary>
public sealed record VisitCoverage(string Code, int Households, int Covered, int Overdue, int DueThisWeek, int Attention, int AttentionCovered)
{
    public double Share => Households == 0 ? 0 : (double)Covered / Households;
    public double AttentionShare => Attention == 0 ? 0 : (double)AttentionCovered / Attention;
}

/// <summary>
/// Plans household visits (入户走访计划) from the policy, the households and their last visits: one tight pass, no
/// lookups, so a whole district is planned from a narrow projection. Urgency orders the plan: the longest overdue
/// first, then what falls due soonest, households of attention before others on the same day.
/// </summary>
public static class VisitPlanner
{
    public static VisitPlanItem Item(VisitPolicy policy, PlannedHousehold h, DateOnly today)
    {
        var months = policy.EveryMonths(h.Attention);
        var last = h.LastVisit > today ? null : h.LastVisit;
        var due = VisitCycle.DueOn(months, last, policy.Since);
        return new VisitPlanItem(h.HouseholdId, h.GridCode, h.Attention, months, last, due, VisitCycle.StatusOf(due, today), VisitCycle.Covers(months, last, today));
    }

    public static VisitPlanItem[] Plan(VisitPolicy policy, IReadOnlyList<PlannedHousehold> households, DateOnly today)
    {
        var items = new VisitPlanItem[households.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Item(policy, households[i], today);
        }
        Array.Sort(items, ByUrgency);
        return items;
    }

    public static int ByUrgency(VisitPlanItem a, VisitPlanItem b)
    {
        var due = a.DueOn.CompareTo(b.DueOn);
        return due != 0 ? due : a.Attention != b.Attention ? (a.Attention ? -1 : 1) : a.HouseholdId.CompareTo(b.HouseholdId);
    }

    /// <summary>Coverage per place, the place being the grid code's first <paramref name="codeLength"/> digits (15 a grid, 12 a community, 9 a street).</summary>
    public static List<VisitCoverage> Coverage(IEnumerable<VisitPlanItem> items, int codeLength)
    {
        var rows = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var i in items)
        {
            var code = i.GridCode.Length > codeLength ? i.GridCode[..codeLength] : i.GridCode;
            if (!rows.TryGetValue(code, out var c))
            {
                rows[code] = c = new int[6];
            }
            c[0]++;
            c[1] += i.Covered ? 1 : 0;
            c[2] += i.Status == VisitStatus.Overdue ? 1 : 0;
            c[3] += i.Status == VisitStatus.DueThisWeek ? 1 : 0;
            c[4] += i.Attention ? 1 : 0;
            c[5] += i.Attention && i.Covered ? 1 : 0;
        }
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new VisitCoverage(r.Key, r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5])).ToList();
    }
}
