using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Hotspots;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Hotspots;

/// <summary>
/// The hotspots and rising trends of a subtree now (未诉先办): clusters of one item's located cases of the last 30
/// days, and the grids whose cases of an item are rising against the three 30-day windows before. Merged cases do not
/// count: the case they were merged into does.
/// </summary>
public sealed record FindHotspots(string? Scope = null)
{
    /// <summary>The most case ids one hotspot lists; its count is exact.</summary>
    public const int CaseIdLimit = 50;
}

public sealed record HotspotRow(string ItemCode, string ItemName, string GridCode, string GridName, int CaseCount, IReadOnlyList<int> CaseIds,
    double Latitude, double Longitude, int SpreadMetres, DateTime FirstAt, DateTime LastAt);

public sealed record TrendRow(string ItemCode, string ItemName, string GridCode, string GridName, int Current, double Baseline);

public sealed record HotspotsView(string Scope, HotspotRule Rule, TrendRule TrendRule, IReadOnlyList<HotspotRow> Hotspots, IReadOnlyList<TrendRow> Trends);

public sealed class FindHotspotsHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<HotspotsView>> HandleAsync(FindHotspots query, CancellationToken ct)
    {
        var resolved = IndicatorScope.Resolve(db.Jurisdiction, query.Scope, null, null, db.Clock);
        if (resolved.Value is not { } scope)
        {
            return new(resolved.Kind, null, resolved.Errors);
        }
        var (rule, trendRule) = (new HotspotRule(), new TrendRule());
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var snapshot = await reference.GetAsync(db, ct);
        var hotspots = HotspotFinder.Find(await RecentAsync(scope.Code, now.AddDays(-rule.WindowDays), ct), rule, now);
        var trends = RisingTrends.FromCounts(await WindowCountsAsync(scope.Code, trendRule, now, ct), trendRule);
        var grids = await GridNamesAsync(hotspots.Select(h => h.GridCode).Concat(trends.Select(t => t.GridCode)), ct);
        string Item(string code) => snapshot.Items.TryGetValue(code, out var item) ? item.Name : code;
        return Outcome<HotspotsView>.Ok(new HotspotsView(scope.Code, rule, trendRule,
            [.. hotspots.OrderByDescending(h => h.CaseIds.Count).ThenByDescending(h => h.LastAt).Select(h => new HotspotRow(
                h.ItemCode, Item(h.ItemCode), h.GridCode, grids.GetValueOrDefault(h.GridCode, h.GridCode), h.CaseIds.Count,
                [.. h.CaseIds.OrderDescending().Take(FindHotspots.CaseIdLimit)], h.Latitude, h.Longitude, (int)Math.Round(h.SpreadMetres), h.FirstAt, h.LastAt))],
            [.. trends.Select(t => new TrendRow(t.ItemCode, Item(t.ItemCode), t.GridCode, grids.GetValueOrDefault(t.GridCode, t.GridCode), t.Current, t.Baseline))]));
    }

    private async Task<List<LocatedCase>> RecentAsync(string scope, DateTime since, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.GridCode.StartsWith(scope) && c.ReceivedAt > since && c.Status != CaseStatus.Merged && c.Latitude != null && c.Longitude != null)
            .Select(c => new { c.Id, c.ItemCode, c.GridCode, c.Latitude, c.Longitude, c.ReceivedAt }).ToListAsync(ct);
        return rows.ConvertAll(c => new LocatedCase(c.Id, c.ItemCode, c.GridCode, c.Latitude!.Value, c.Longitude!.Value, c.ReceivedAt));
    }

    /// <summary>Cases per grid and item in each 30-day window back from now, newest window first: one grouped count per window.</summary>
    private async Task<Dictionary<(string Grid, string Item), int[]>> WindowCountsAsync(string scope, TrendRule rule, DateTime now, CancellationToken ct)
    {
        var counts = new Dictionary<(string Grid, string Item), int[]>();
        for (var window = 0; window <= rule.BaselineWindows; window++)
        {
            var (from, to) = (now.AddDays(-(window + 1) * rule.WindowDays), now.AddDays(-window * rule.WindowDays));
            var rows = await db.Cases.AsNoTracking()
                .Where(c => c.GridCode.StartsWith(scope) && c.ReceivedAt > from && c.ReceivedAt <= to && c.Status != CaseStatus.Merged)
                .GroupBy(c => new { c.GridCode, c.ItemCode }).Select(g => new { g.Key.GridCode, g.Key.ItemCode, Count = g.Count() }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (!counts.TryGetValue((r.GridCode, r.ItemCode), out var slots))
                {
                    counts[(r.GridCode, r.ItemCode)] = slots = new int[rule.BaselineWindows + 1];
                }
                slots[window] = r.Count;
            }
        }
        return counts;
    }

    private async Task<Dictionary<string, string>> GridNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => wanted.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
    }
}
