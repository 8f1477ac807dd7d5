using System.Diagnostics;
using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The indicator page's query at district scale: GET /api/indicators for one street or one grid and one month (totals,
/// twelve-month trend, ranking of the children, categories, departments) over millions of historic cases, against the
/// plain GROUP BY over the cases table that computes the same street's per-community counts for the same month, and
/// against the same GROUP BY in DuckDB over the same cases copied into memory.
/// </summary>
internal static class IndicatorScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var count = DistrictData.CaseCount(options);
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var (streets, grids) = await PlacesAsync(database);
        await using var host = await BenchHost.StartAsync(database, seed: false);
        using var client = await SignInAsync(host.Address);
        var month = CivicGrid.App.Cases.CaseStats.MonthOf(TimeProvider.System.GetUtcNow().UtcDateTime.AddMonths(-1));
        var random = new Random(7);
        var requests = options.Quick ? 40 : 200;
        await client.GetAsync($"/api/indicators?scope={streets[0]}&from={month}&to={month}");
        var street = await TimeAsync(requests, () => client.GetAsync($"/api/indicators?scope={streets[random.Next(streets.Count)]}&from={month}&to={month}"));
        var grid = await TimeAsync(requests, () => client.GetAsync($"/api/indicators?scope={grids[random.Next(grids.Count)]}&from={month}&to={month}"));
        var plain = await TimeAsync(Math.Max(5, requests / 10), () => PlainStreetAsync(database, streets[random.Next(streets.Count)], month));
        Console.WriteLine($"[{kind}] indicators over {count:N0} cases: street p95 {street.P95:F1} ms, grid p95 {grid.P95:F1} ms; plain GROUP BY p95 {plain.P95:F1} ms");
        var duck = await DuckDbAsync(database, streets, month, requests);
        return
        [
            new ScenarioResult("indicators, street × month", kind, street.P95, plain.P95, "ms p95", 1,
                $"{count:N0} cases; ours is the whole page's query over HTTP (p50 {street.P50:F1} ms), the anchor one GROUP BY over the cases") { MaxOurs = 100 },
            new ScenarioResult("indicators, grid × month", kind, grid.P95, plain.P95, "ms p95", 1, $"ours p50 {grid.P50:F1} ms") { MaxOurs = 100 },
            new ScenarioResult("indicators, street × month vs DuckDB", $"{kind} / DuckDB", street.P95, duck.P95, "ms p95", 1,
                $"anchor the same GROUP BY in DuckDB in memory (2 threads) over the {duck.Rows:N0} cases, loaded once in {duck.LoadSeconds:F1} s (not timed); DuckDB p50 {duck.P50:F1} ms; counts {(duck.Agree ? "agree" : "DIFFER")} with the database's") { MaxOurs = 100 },
        ];
    }

    private static async Task<(List<string> Streets, List<string> Grids)> PlacesAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var nodes = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().TerritoryNodes.AsNoTracking();
        return (await nodes.Where(n => n.Level == TerritoryLevel.Street).Select(n => n.Code).ToListAsync(),
            await nodes.Where(n => n.Level == TerritoryLevel.Grid).Select(n => n.Code).ToListAsync());
    }

    private static async Task<DuckDbTiming> DuckDbAsync(BenchDatabase database, List<string> streets, string month, int requests)
    {
        using var duck = await DuckDbCases.LoadAsync(database);
        Console.WriteLine($"[{database.Kind}] DuckDB: {duck.Rows:N0} cases loaded in {duck.Load.TotalSeconds:F1} s");
        var (start, end) = MonthRange(month);
        var agree = duck.StreetMonth(streets[0], start, end) == await PlainStreetAsync(database, streets[0], month);
        var random = new Random(11);
        var time = await TimeAsync(requests, () => Task.FromResult(duck.StreetMonth(streets[random.Next(streets.Count)], start, end)));
        Console.WriteLine($"[{database.Kind}] DuckDB GROUP BY p95 {time.P95:F1} ms, p50 {time.P50:F1} ms; counts {(agree ? "agree" : "DIFFER")}");
        return new DuckDbTiming(time.P50, time.P95, duck.Rows, duck.Load.TotalSeconds, agree);
    }

    private sealed record DuckDbTiming(double P50, double P95, int Rows, double LoadSeconds, bool Agree);

    private static async Task<HttpClient> SignInAsync(string address)
    {
        var client = new HttpClient { BaseAddress = new Uri(address) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DistrictData.Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The month's bounds in UTC: months are counted in China time (UTC+8).</summary>
    private static (DateTime Start, DateTime End) MonthRange(string month)
    {
        var start = DateTime.SpecifyKind(DateTime.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(-8);
        return (start, start.AddMonths(1));
    }

    /// <summary>The same street's per-community counts for one month, computed from the cases themselves; returns the cases received.</summary>
    private static Task<int> PlainStreetAsync(BenchDatabase database, string street, string month)
    {
        var (start, end) = MonthRange(month);
        return PlainCaseCounts.ReceivedAsync(database, street, 12, start, end);
    }

    private static async Task<(double P50, double P95)> TimeAsync(int times, Func<Task> work)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]);
    }
}
