using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Dashboard;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The business communities' work over the shared district (issue 21): suggesting offers for every raised need in the
/// district through <see cref="SuggestMatchesHandler"/> (10,000 needs against 2,000 offers, the data read, the batch
/// matched and explained), against one plain SQL join and rank over the same tables; and the business-community
/// dashboard's handler in process for a district official, against one plain GROUP BY of the needs per community.
/// </summary>
internal static class EnterpriseScenario
{
    private const string District = "330105";

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (needs, offers) = options.Quick ? (1_000, 200) : (10_000, 2_000);
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        Console.WriteLine($"[{kind}] enterprises: {await EnterpriseBenchData.EnsureAsync(database, options, needs, offers)}");

        var runs = options.Quick ? 3 : 7;
        await SuggestAsync(database);
        MatchSuggestions? batch = null;
        var suggest = await TimeAsync(runs, async () => batch = await SuggestAsync(database));
        var anchorRows = 0;
        var plain = await TimeAsync(Math.Max(2, runs / 2), async () => anchorRows = await PlainMatching.BestOfferPerNeedAsync(database));
        Console.WriteLine($"[{kind}] matching {needs:N0} needs: p50 {suggest.P50:F0} ms, max {suggest.Max:F0} ms ({batch!.Suggestions.Count:N0} suggested, {batch.Unmatched.Count:N0} unmatched); plain SQL rank p50 {plain.P50:F0} ms ({anchorRows:N0} needs with an offer)");

        var requests = options.Quick ? 20 : 100;
        await DashboardAsync(database);
        var dashboard = await TimeAsync(requests, () => DashboardAsync(database));
        var grouped = await TimeAsync(Math.Max(5, requests / 5), () => PlainMatching.NeedsPerCommunityAsync(database));
        Console.WriteLine($"[{kind}] dashboard p95 {dashboard.P95:F1} ms, p50 {dashboard.P50:F1} ms; plain GROUP BY p95 {grouped.P95:F1} ms");
        return
        [
            new ScenarioResult($"enterprise matching, {needs:N0} needs × {offers:N0} offers", kind, suggest.P50, plain.P50, "ms", 1,
                $"ours: SuggestMatches for a district official, read, matched and explained in process (max of {runs} {suggest.Max:F0} ms; {batch.Suggestions.Count:N0} suggested, {batch.Unmatched.Count:N0} unmatched); anchor: one SQL join of needs to fitting offers ranked per need ({anchorRows:N0} rows)") { MaxOurs = 1_000 },
            new ScenarioResult("business-community dashboard, district", kind, dashboard.P95, grouped.P95, "ms p95", 1,
                $"ours: the dashboard handler in process, as /api/enterprises/dashboard and the page call it (p50 {dashboard.P50:F1} ms); anchor: one GROUP BY of needs per community and state") { MaxOurs = 200 },
        ];
    }

    private static async Task<MatchSuggestions> SuggestAsync(BenchDatabase database)
    {
        await using var scope = Official(database);
        var outcome = await scope.ServiceProvider.GetRequiredService<SuggestMatchesHandler>().HandleAsync(new SuggestMatches(), CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException($"SuggestMatches: {outcome.Kind}");
    }

    private static async Task DashboardAsync(BenchDatabase database)
    {
        await using var scope = Official(database);
        await scope.ServiceProvider.GetRequiredService<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), CancellationToken.None);
    }

    /// <summary>A district administrator's unit of work, so the jurisdiction's filters are in the queries as for a signed-in official.</summary>
    private static AsyncServiceScope Official(BenchDatabase database)
    {
        var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new AccountJurisdiction(District, StaffRole.DistrictAdmin, "区管理员", null));
        return scope;
    }

    private static async Task<(double P50, double P95, double Max)> TimeAsync(int times, Func<Task> work)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1], samples[^1]);
    }
}
