using System.Collections.Concurrent;
using CivicGrid.App.Data;
using CivicGrid.Core.Hotspots;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Hotspots;

/// <summary>
/// The baseline windows of the rising trends, per (grid, item): the cases received in the <see cref="TrendRule.BaselineWindows"/>
/// windows before the current one. They end where the current window begins, at the start of a district day, so they
/// hold all day and are counted once per day, scope and jurisdiction on each node: the grouped count over three months of
/// cases is the costly part of finding trends, and the current window, read anyway for the hotspots, is counted in memory.
/// </summary>
public sealed class TrendBaselines
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<(string Grid, string Item), int>>>> _byKey = new(StringComparer.Ordinal);

    /// <summary>The start of the current window for <paramref name="rule"/>: the start of the district day <see cref="TrendRule.WindowDays"/> days ago.</summary>
    public static DateTime CurrentWindowStart(TimeProvider clock, TrendRule rule)
    {
        var day = clock.Today().AddDays(-rule.WindowDays).ToDateTime(TimeOnly.MinValue);
        return TimeZoneInfo.ConvertTimeToUtc(day, DistrictTime.Zone);
    }

    public async Task<Dictionary<(string Grid, string Item), int>> GetAsync(
        CivicGridDbContext db, IQueryable<Core.Cases.Case> counted, string scope, TrendRule rule, CancellationToken ct)
    {
        var end = CurrentWindowStart(db.Clock, rule);
        var key = string.Join('|', RecentHotspots.Key(db.Jurisdiction, scope), rule, end.Ticks);
        var entry = _byKey.GetOrAdd(key, _ => new(() => CountAsync(counted, end.AddDays(-rule.BaselineWindows * rule.WindowDays), end)));
        try
        {
            var counts = await entry.Value.WaitAsync(ct);
            ForgetOtherDays(end.Ticks);
            return counts;
        }
        catch
        {
            _byKey.TryRemove(key, out _);
            throw;
        }
    }

    private static async Task<Dictionary<(string Grid, string Item), int>> CountAsync(IQueryable<Core.Cases.Case> counted, DateTime from, DateTime to)
    {
        var rows = await counted.Where(c => c.ReceivedAt > from && c.ReceivedAt <= to)
            .GroupBy(c => new { c.GridCode, c.ItemCode }).Select(g => new { g.Key.GridCode, g.Key.ItemCode, Count = g.Count() })
            .ToListAsync(CancellationToken.None);
        return rows.ToDictionary(r => (r.GridCode, r.ItemCode), r => r.Count);
    }

    private void ForgetOtherDays(long ticks)
    {
        var suffix = "|" + ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in _byKey.Keys.Where(k => !k.EndsWith(suffix, StringComparison.Ordinal)))
        {
            _byKey.TryRemove(key, out _);
        }
    }
}
