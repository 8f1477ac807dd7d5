using CivicGrid.App.Access;
using CivicGrid.App.Cockpit;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The district cockpit's figures over the shared district (issue 24): <see cref="GetCockpitHandler"/> for the whole
/// district as its administrator (twelve months of indicators, last month's by street, the hotspots found within the last
/// five minutes: <see cref="App.Hotspots.RecentHotspots"/>; the warm-up finds them and is reported apart); against
/// plain SQL statements reading the same roll-up for the same figures (the year by month, last month by street) and
/// counting the month's located cases per item and ~300 m cell, as a report would approximate hotspots.
/// </summary>
internal static class CockpitScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var runs = options.Quick ? 3 : 20;
        CockpitView? view = null;
        var cold = System.Diagnostics.Stopwatch.StartNew();
        await LoadAsync(database);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var ours = await Repeated.TimeAsync(runs, async () => view = await LoadAsync(database));
        var rows = 0;
        var anchor = await Repeated.TimeAsync(runs, async () => rows = await PlainAsync(database));
        Console.WriteLine($"[{kind}] cockpit p95 {ours.P95:F0} ms, p50 {ours.P50:F0} ms ({view!.Areas.Count} areas, {view.HotspotCount} hotspots); plain SQL p95 {anchor.P95:F0} ms ({rows} rows)");
        return
        [
            new ScenarioResult("cockpit figures, the district", kind, ours.P95, anchor.P95, "ms", 1,
                $"ours: GetCockpit for the district in process, p95 of {runs} (p50 {ours.P50:F0} ms; hotspots as kept five minutes per node, the load that finds them {coldMs:F0} ms; {view.Areas.Count} areas, {view.HotspotCount} hotspots); anchor: the same roll-up figures and the hotspot cells by plain SQL, p95") { MaxOurs = 500 },
        ];
    }

    private static async Task<CockpitView> LoadAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(AccountJurisdiction.Of(StaffRole.DistrictAdmin, District, "区管理员", null));
        var outcome = await scope.ServiceProvider.GetRequiredService<GetCockpitHandler>().HandleAsync(new GetCockpit(), CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException($"GetCockpit: {outcome.Kind}");
    }

    private static async Task<int> PlainAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (first, last) = (App.Cases.CaseStats.MonthOf(now.AddMonths(-12)), App.Cases.CaseStats.MonthOf(now.AddMonths(-1)));
        var year = await RawSql.QueryAsync(db, """
            SELECT "Month", SUM("Received"), SUM("RespondedOnTime"), SUM("Due"), SUM("Resolved"), SUM("Rated"), SUM("Satisfied")
            FROM "CaseMonthlyStreetStats" WHERE "Month" >= @first AND "Month" <= @last GROUP BY "Month"
            """, [("@first", first), ("@last", last)], r => r.GetString(0), CancellationToken.None);
        var streets = await RawSql.QueryAsync(db, """
            SELECT "StreetCode", SUM("Received"), SUM("RespondedOnTime"), SUM("Due"), SUM("Resolved"), SUM("Rated"), SUM("Satisfied")
            FROM "CaseMonthlyStreetStats" WHERE "Month" = @last GROUP BY "StreetCode"
            """, [("@last", last)], r => r.GetString(0), CancellationToken.None);
        var cells = await RawSql.QueryAsync(db, $"""
            SELECT "ItemCode", ROUND("Latitude" * 370), ROUND("Longitude" * 320), COUNT(*)
            FROM "Cases"
            WHERE "ReceivedAt" > @since AND "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL AND "Status" <> {(int)Core.Cases.CaseStatus.Merged}
            GROUP BY "ItemCode", ROUND("Latitude" * 370), ROUND("Longitude" * 320)
            HAVING COUNT(*) >= 5
            """, [("@since", now.AddDays(-30))], r => r.GetString(0), CancellationToken.None);
        return year.Count + streets.Count + cells.Count;
    }
}
