namespace CivicGrid.Core.Hotspots;

/// <summary>
/// When a grid's cases of one item are rising (趋势上升): the last <see cref="WindowDays"/> days hold at least
/// <see cref="MinCases"/> cases and at least <see cref="Factor"/> times the average of the <see cref="BaselineWindows"/>
/// windows before it.
/// </summary>
public sealed record TrendRule(int MinCases = 5, double Factor = 2, int BaselineWindows = 3, int WindowDays = 30)
{
    public IReadOnlyList<string> Refusals()
    {
        var refusals = new List<string>();
        if (MinCases is < 1 or > 10_000)
        {
            refusals.Add("趋势的最少诉求数应在 1 到 10000 之间");
        }
        if (!double.IsFinite(Factor) || Factor is < 1.1 or > 100)
        {
            refusals.Add("上升倍数应在 1.1 到 100 之间");
        }
        if (BaselineWindows is < 1 or > 12)
        {
            refusals.Add("比较的前期窗口数应在 1 到 12 之间");
        }
        if (WindowDays is < 7 or > 92)
        {
            refusals.Add("趋势的统计天数应在 7 到 92 天之间");
        }
        return refusals;
    }
}

/// <summary>A grid's rising item: this window's count against the average of the windows before.</summary>
public sealed record RisingTrend(string GridCode, string ItemCode, int Current, double Baseline);

/// <summary>A grid's cases of one item in the current window and in all the baseline windows before it together.</summary>
public readonly record struct WindowCounts(int Current, int Before);

public static class RisingTrends
{
    /// <summary>
    /// The rising (grid, item) pairs at <paramref name="asOf"/>, steepest first. A pair with no cases before rises from
    /// a baseline of zero, so it needs only <see cref="TrendRule.MinCases"/>.
    /// </summary>
    public static IReadOnlyList<RisingTrend> Find(IEnumerable<LocatedCase> cases, TrendRule rule, DateTime asOf)
    {
        var window = TimeSpan.FromDays(rule.WindowDays);
        var counts = new Dictionary<(string Grid, string Item), WindowCounts>();
        foreach (var c in cases)
        {
            var age = asOf - c.ReceivedAt;
            var slot = age.Ticks / window.Ticks;
            if (age < TimeSpan.Zero || slot > rule.BaselineWindows)
            {
                continue;
            }
            var key = (c.GridCode, c.ItemCode);
            var before = counts.GetValueOrDefault(key);
            counts[key] = slot == 0 ? before with { Current = before.Current + 1 } : before with { Before = before.Before + 1 };
        }
        return FromCounts(counts, rule);
    }

    /// <summary>
    /// The same from counts already made per (grid, item): the current window's and the baseline windows' together.
    /// </summary>
    public static IReadOnlyList<RisingTrend> FromCounts(IReadOnlyDictionary<(string Grid, string Item), WindowCounts> counts, TrendRule rule) =>
        [.. counts.Select(kv => new RisingTrend(kv.Key.Grid, kv.Key.Item, kv.Value.Current, kv.Value.Before / (double)rule.BaselineWindows))
            .Where(t => t.Current >= rule.MinCases && t.Current >= rule.Factor * t.Baseline)
            .OrderByDescending(t => t.Current - t.Baseline).ThenBy(t => t.GridCode, StringComparer.Ordinal).ThenBy(t => t.ItemCode, StringComparer.Ordinal)];
}
