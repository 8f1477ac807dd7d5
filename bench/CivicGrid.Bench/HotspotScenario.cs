using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Hotspots;
using CivicGrid.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Hotspot detection over the shared district (issue 24): <see cref="FindHotspotsHandler"/> for the district, which reads
/// the last 30 days' cases, clusters each item's located ones by density and counts the current window per grid and item
/// beside the three windows before, which are counted once per day (the first call, reported apart); against one plain SQL statement counting the same month's located cases per item in cells of
/// about 300 m and keeping the cells with five or more, the way a report would approximate it.
/// </summary>
internal static class HotspotScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var runs = options.Quick ? 3 : 7;
        HotspotsView? view = null;
        var cold = System.Diagnostics.Stopwatch.StartNew();
        await FindAsync(database);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var ours = await Repeated.TimeAsync(runs, async () => view = await FindAsync(database));
        var cells = 0;
        var anchor = await Repeated.TimeAsync(runs, async () => cells = await DenseCellsAsync(database));
        Console.WriteLine($"[{kind}] hotspots p50 {ours.P50:F0} ms, max {ours.Max:F0} ms ({view!.Hotspots.Count:N0} hotspots of {view.Hotspots.Sum(h => h.CaseCount):N0} cases, {view.Trends.Count:N0} rising trends); plain SQL cells p50 {anchor.P50:F0} ms ({cells:N0} cells)");
        return
        [
            new ScenarioResult("hotspot detection, one month of the district's cases", kind, ours.P50, anchor.P50, "ms", 1,
                $"ours: FindHotspots for the district in process (max of {runs} {ours.Max:F0} ms; the day's first, counting the trend baselines, {coldMs:F0} ms; {view.Hotspots.Count:N0} hotspots, {view.Trends.Count:N0} rising trends); anchor: one SQL count of the month's located cases per item and ~300 m cell, cells of 5 or more ({cells:N0})") { MaxOurs = 1_000 },
        ];
    }

    private static async Task<HotspotsView> FindAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(AccountJurisdiction.Of(StaffRole.DistrictAdmin, District, "区管理员", null));
        var outcome = await scope.ServiceProvider.GetRequiredService<FindHotspotsHandler>().HandleAsync(new FindHotspots(), CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException($"FindHotspots: {outcome.Kind}");
    }

    private static async Task<int> DenseCellsAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var since = db.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var rows = await RawSql.QueryAsync(db, $"""
            SELECT "ItemCode", ROUND("Latitude" * 370), ROUND("Longitude" * 320), COUNT(*)
            FROM "Cases"
            WHERE "ReceivedAt" > @since AND "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL AND "Status" <> {(int)Core.Cases.CaseStatus.Merged}
            GROUP BY "ItemCode", ROUND("Latitude" * 370), ROUND("Longitude" * 320)
            HAVING COUNT(*) >= 5
            """, [("@since", since)], r => r.GetString(0), CancellationToken.None);
        return rows.Count;
    }
}
