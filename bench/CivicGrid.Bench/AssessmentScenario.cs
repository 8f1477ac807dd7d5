using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// A monthly review of every community of the shared district (issue 24): <see cref="ReviewComputation"/> with the
/// example scheme (three case rates from the roll-up and visit coverage from the visit plan), scored, ranked, nothing
/// stored; against plain SQL reading the same aggregates: the month's roll-up summed per community and the households
/// per community.
/// </summary>
internal static class AssessmentScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var runs = options.Quick ? 3 : 5;
        IReadOnlyList<ComputedUnit> units = [];
        await ReviewAsync(database);
        var ours = await Repeated.TimeAsync(runs, async () => units = await ReviewAsync(database));
        var rows = 0;
        var anchor = await Repeated.TimeAsync(runs, async () => rows = await PlainAsync(database));
        Console.WriteLine($"[{kind}] assessment p50 {ours.P50:F0} ms, max {ours.Max:F0} ms ({units.Count:N0} communities); plain SQL p50 {anchor.P50:F0} ms ({rows:N0} rows)");
        return
        [
            new ScenarioResult("monthly review of every community", kind, ours.P50, anchor.P50, "ms", 1,
                $"ours: the example scheme over last month for the district in process, scored and ranked, not stored (max of {runs} {ours.Max:F0} ms; {units.Count:N0} communities); anchor: the month's roll-up summed per community and households per community in plain SQL ({rows:N0} rows)") { MaxOurs = 5_000 },
        ];
    }

    private static async Task<IReadOnlyList<ComputedUnit>> ReviewAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(AccountJurisdiction.Of(StaffRole.DistrictAdmin, District, "区管理员", null));
        var computation = scope.ServiceProvider.GetRequiredService<ReviewComputation>();
        return await computation.ComputeAsync(0, SeedDemoAssessmentHandler.Example, ReviewPeriodKind.Monthly, computation.LastMonth(), CancellationToken.None);
    }

    private static async Task<int> PlainAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var today = db.Clock.Today();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var cases = await RawSql.QueryAsync(db, """
            SELECT substr("GridCode", 1, 12), SUM("Resolved"), SUM("Due"), SUM("Satisfied"), SUM("BasicallySatisfied"), SUM("Rated"), SUM("Reworked")
            FROM "CaseMonthlyStats" WHERE "Month" = @month GROUP BY substr("GridCode", 1, 12)
            """, [("@month", month)], r => r.GetString(0), CancellationToken.None);
        var households = await RawSql.QueryAsync(db, """
            SELECT substr("GridCode", 1, 12), COUNT(*) FROM "Households" GROUP BY substr("GridCode", 1, 12)
            """, [], r => r.GetString(0), CancellationToken.None);
        return cases.Count + households.Count;
    }
}
