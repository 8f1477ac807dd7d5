using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
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
    double Latitude, double Longitude, int SpreadMetres, DateTime FirstAt, DateTime LastAt)
{
    /// <summary>The case of the open proactive task for this item and grid, if one was opened (<see cref="OpenHotspotTask"/>).</summary>
    public int? TaskCaseId { get; init; }
}

public sealed record TrendRow(string ItemCode, string ItemName, string GridCode, string GridName, int Current, double Baseline);

public sealed record HotspotsView(string Scope, HotspotRule Rule, TrendRule TrendRule, IReadOnlyList<HotspotRow> Hotspots, IReadOnlyList<TrendRow> Trends)
{
    /// <summary>Whether the caller may open a hotspot's proactive task (<see cref="OpenHotspotTask"/>).</summary>
    public bool MayOpenTasks { get; init; }
}

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
        var tasks = await OpenTasksAsync(scope.Code, ct);
        var grids = await GridNamesAsync(hotspots.Select(h => h.GridCode).Concat(trends.Select(t => t.GridCode)), ct);
        string Item(string code) => snapshot.Items.TryGetValue(code, out var item) ? item.Name : code;
        return Outcome<HotspotsView>.Ok(new HotspotsView(scope.Code, rule, trendRule,
            [.. hotspots.OrderByDescending(h => h.CaseIds.Count).ThenByDescending(h => h.LastAt).Select(h => new HotspotRow(
                h.ItemCode, Item(h.ItemCode), h.GridCode, grids.GetValueOrDefault(h.GridCode, h.GridCode), h.CaseIds.Count,
                [.. h.CaseIds.OrderDescending().Take(FindHotspots.CaseIdLimit)], h.Latitude, h.Longitude, (int)Math.Round(h.SpreadMetres), h.FirstAt, h.LastAt)
                {
                    TaskCaseId = tasks.TryGetValue((h.ItemCode, h.GridCode), out var task) ? task : null,
                })],
            [.. trends.Select(t => new TrendRow(t.ItemCode, Item(t.ItemCode), t.GridCode, grids.GetValueOrDefault(t.GridCode, t.GridCode), t.Current, t.Baseline))])
        {
            MayOpenTasks = db.Jurisdiction.Role.May(Permission.OpenProactiveTasks),
        });
    }

    /// <summary>
    /// The cases that make hotspots and trends: not merged (the case they were merged into counts), and not a proactive
    /// task, which would otherwise keep its own hotspot alive.
    /// </summary>
    private IQueryable<Case> Counted(string scope)
    {
        var tasks = db.HotspotTasks;
        return db.CaseFigures().Within(scope).AsNoTracking().Where(c => c.Status != CaseStatus.Merged && !tasks.Any(t => t.CaseId == c.Id));
    }

    private async Task<List<LocatedCase>> RecentAsync(string scope, DateTime since, CancellationToken ct)
    {
        var rows = await Counted(scope)
            .Where(c => c.ReceivedAt > since && c.Latitude != null && c.Longitude != null)
            .Select(c => new { c.Id, c.ItemCode, c.GridCode, c.Latitude, c.Longitude, c.ReceivedAt }).ToListAsync(ct);
        return rows.ConvertAll(c => new LocatedCase(c.Id, c.ItemCode, c.GridCode, c.Latitude!.Value, c.Longitude!.Value, c.ReceivedAt));
    }

    /// <summary>
    /// Each grid's cases per item in the current window and in the baseline windows before it, in one grouped count
    /// that reads the receipt-time index alone; pairs too few now to be rising are left in the database.
    /// </summary>
    private async Task<Dictionary<(string Grid, string Item), WindowCounts>> WindowCountsAsync(string scope, TrendRule rule, DateTime now, CancellationToken ct)
    {
        var current = now.AddDays(-rule.WindowDays);
        var first = now.AddDays(-(rule.BaselineWindows + 1) * rule.WindowDays);
        var rows = await Counted(scope)
            .Where(c => c.ReceivedAt > first && c.ReceivedAt <= now)
            .GroupBy(c => new { c.GridCode, c.ItemCode })
            .Select(g => new { g.Key.GridCode, g.Key.ItemCode, Current = g.Count(c => c.ReceivedAt > current), Before = g.Count(c => c.ReceivedAt <= current) })
            .Where(r => r.Current >= rule.MinCases)
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.GridCode, r.ItemCode), r => new WindowCounts(r.Current, r.Before));
    }

    /// <summary>The open proactive tasks of the subtree by item and grid: a closed task's hotspot may open another.</summary>
    private async Task<Dictionary<(string Item, string Grid), int>> OpenTasksAsync(string scope, CancellationToken ct)
    {
        var open = await db.HotspotTasks.AsNoTracking().Where(t => t.GridCode.StartsWith(scope))
            .Join(db.CaseFigures().Within(scope).Where(c => CaseNames.Open.Contains(c.Status)), t => t.CaseId, c => c.Id, (t, c) => new { t.ItemCode, t.GridCode, t.CaseId })
            .ToListAsync(ct);
        return open.GroupBy(t => (t.ItemCode, t.GridCode)).ToDictionary(g => g.Key, g => g.Max(t => t.CaseId));
    }

    private async Task<Dictionary<string, string>> GridNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => wanted.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
    }
}
