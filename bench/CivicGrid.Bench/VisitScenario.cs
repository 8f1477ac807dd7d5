using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.App.Visits;
using CivicGrid.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Grid workers' visit plans over the shared district (issue 23): the plan of the whole district for a district official
/// through <see cref="GetVisitPlanHandler"/> (the policy's households of attention by the rule in SQL, every household with
/// its last visit, each planned, sorted by urgency and the first page read), against one plain SQL statement that
/// reads the same households with their last visit and counts them per grid. The year of visits is the demo's, written by
/// the bulk path when the kept district does not have it yet.
/// </summary>
internal static class VisitScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        await using (var system = database.Scope())
        {
            var watch = Stopwatch.StartNew();
            var written = await system.ServiceProvider.GetRequiredService<SeedDemoHouseholdVisitsHandler>().HandleAsync(new SeedDemoHouseholdVisits(), CancellationToken.None);
            Console.WriteLine($"[{kind}] household visits: {(written > 0 ? $"{written:N0} written in {watch.Elapsed.TotalSeconds:F1} s" : "kept")}");
        }

        await DefaultPolicyAsync(database);
        await BreakdownAsync(database, kind);
        var runs = options.Quick ? 3 : 7;
        VisitPlan? plan = null;
        await PlanAsync(database);
        var ours = await Repeated.TimeAsync(runs, async () => plan = await PlanAsync(database));
        var grids = 0;
        var anchor = await Repeated.TimeAsync(runs, async () => grids = await LastVisitPerGridAsync(database));
        Console.WriteLine($"[{kind}] district visit plan p50 {ours.P50:F0} ms, max {ours.Max:F0} ms ({plan!.Summary.Households:N0} households, {plan.Summary.Share:P1} covered, {plan.Rows.Total:N0} due by Sunday); plain SQL p50 {anchor.P50:F0} ms ({grids:N0} grids)");
        return
        [
            new ScenarioResult($"visit plan, district ({plan.Summary.Households:N0} households)", kind, ours.P50, anchor.P50, "ms", 1,
                $"ours: GetVisitPlan for a district official in process, the attention rule in SQL, every household planned and sorted, first page (max of {runs} {ours.Max:F0} ms; {plan.Summary.Share:P1} covered, {plan.Summary.Attention:N0} of attention); anchor: one SQL join of households to their last visit, counted per grid") { MaxOurs = 2_000 },
        ];
    }

    /// <summary>The default policy, saved as the district would, so a district kept from an earlier run plans with today's defaults.</summary>
    private static async Task DefaultPolicyAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区管理员", null));
        var defaults = Core.Visits.VisitPolicy.Default();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveVisitPolicyHandler>().HandleAsync(
            new SaveVisitPolicy(defaults.AttentionRule, defaults.AttentionEveryMonths, defaults.OthersEveryMonths, defaults.Since), CancellationToken.None);
        if (saved.Kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"SaveVisitPolicy: {saved.Kind}");
        }
    }

    /// <summary>Where a plan's time goes, printed once: the rule's households, the households with their last visits, the pass.</summary>
    private static async Task BreakdownAsync(BenchDatabase database, string kind)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区管理员", null));
        var reader = scope.ServiceProvider.GetRequiredService<VisitPlanReader>();
        var policy = await reader.PolicyAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var attention = await reader.AttentionAsync(policy, District, CancellationToken.None);
        var rule = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var households = await reader.HouseholdsAsync(policy, District, CancellationToken.None);
        var both = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var items = Core.Visits.VisitPlanner.Plan(policy, households, CivicGrid.App.Data.DistrictTime.Today(TimeProvider.System));
        Console.WriteLine($"[{kind}] breakdown: attention rule {rule:F0} ms ({attention.Count:N0}), households with last visits and the rule at once {both:F0} ms, plan and sort {watch.Elapsed.TotalMilliseconds:F0} ms ({items.Length:N0})");
    }

    private static async Task<VisitPlan> PlanAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区管理员", null));
        var outcome = await scope.ServiceProvider.GetRequiredService<GetVisitPlanHandler>().HandleAsync(new GetVisitPlan(), CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException($"GetVisitPlan: {outcome.Kind}");
    }

    /// <summary>The engine's own read of the plan's data: households joined to their last visit, counted per grid with the visited.</summary>
    private static async Task<int> LastVisitPerGridAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var rows = await RawSql.QueryAsync(db, """
            SELECT h."GridCode", COUNT(*), COUNT(l.last)
            FROM "Households" h
            LEFT JOIN (SELECT "HouseholdId", MAX("VisitedOn") AS last FROM "HouseholdVisit" GROUP BY "HouseholdId") l ON l."HouseholdId" = h."Id"
            GROUP BY h."GridCode"
            """, [], r => r.GetString(0), CancellationToken.None);
        return rows.Count;
    }
}
