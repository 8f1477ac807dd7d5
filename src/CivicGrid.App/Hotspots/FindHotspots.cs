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
/// days, and the grids whose cases of an item are rising: those since the start of the district day 30 days ago against
/// the three 30-day windows before (<see cref="TrendBaselines"/>). Merged cases do not
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

public sealed class FindHotspotsHandler(CivicGridDbContext db, CaseReference reference, TrendBaselines baselines)
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
        var currentStart = TrendBaselines.CurrentWindowStart(db.Clock, trendRule);
        var recent = await RecentAsync(scope.Code, currentStart < now.AddDays(-rule.WindowDays) ? currentStart : now.AddDays(-rule.WindowDays), ct);
        var hotspots = HotspotFinder.Find(recent, rule, now);
        var baseline = await baselines.GetAsync(db, Counted(scope.Code), scope.Code, trendRule, ct);
        var trends = RisingTrends.FromCounts(WindowCounts(recent, currentStart, baseline, trendRule), trendRule);
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

    /// <summary>The cases received since <paramref name="since"/>, with NaN for a case without a location: the finder skips those, the trends count them.</summary>
    private async Task<List<LocatedCase>> RecentAsync(string scope, DateTime since, CancellationToken ct)
    {
        var rows = await Counted(scope).Where(c => c.ReceivedAt > since)
            .Select(c => new { c.Id, c.ItemCode, c.GridCode, c.Latitude, c.Longitude, c.ReceivedAt }).ToListAsync(ct);
        return rows.ConvertAll(c => new LocatedCase(c.Id, c.ItemCode, c.GridCode, c.Latitude ?? double.NaN, c.Longitude ?? double.NaN, c.ReceivedAt));
    }

    /// <summary>
    /// Each grid's cases per item in the current window, counted from the cases read for the hotspots, beside the baseline
    /// windows' counts; pairs too few now to be rising are left out.
    /// </summary>
    private static Dictionary<(string Grid, string Item), WindowCounts> WindowCounts(
        List<LocatedCase> recent, DateTime currentStart, Dictionary<(string Grid, string Item), int> baseline, TrendRule rule)
    {
        var current = recent.Where(c => c.ReceivedAt > currentStart).CountBy(c => (c.GridCode, c.ItemCode));
        return current.Where(c => c.Value >= rule.MinCases)
            .ToDictionary(c => c.Key, c => new WindowCounts(c.Value, baseline.GetValueOrDefault(c.Key)));
    }

    /// <summary>The open proactive tasks of the subtree by item and grid: a closed task's hotspot may open another.</summary>
    private async Task<Dictionary<(string Item, string Grid), int>> OpenTasksAsync(string scope, CancellationToken ct)
    {
        // The few tasks first, then their cases by id: a join lets the engine walk the subtree's cases instead.
        var tasks = await db.HotspotTasks.AsNoTracking().Where(t => t.GridCode.StartsWith(scope)).Select(t => new { t.ItemCode, t.GridCode, t.CaseId }).ToListAsync(ct);
        var ids = tasks.ConvertAll(t => t.CaseId);
        var open = (await db.CaseFigures().Within(scope).Where(c => ids.Contains(c.Id) && CaseNames.Open.Contains(c.Status)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return tasks.Where(t => open.Contains(t.CaseId)).GroupBy(t => (t.ItemCode, t.GridCode)).ToDictionary(g => g.Key, g => g.Max(t => t.CaseId));
    }

    private async Task<Dictionary<string, string>> GridNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => wanted.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
    }
}
