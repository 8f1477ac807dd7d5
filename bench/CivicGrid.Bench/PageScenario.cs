using System.Diagnostics;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The slow pages of the memory walk, each timed alone on the shared district: the resident search by a name, a full
/// name, part of a name and an address, against the plain LIKE '%text%' over the names and addresses that the search
/// did before it had trigram indexes (the same counting query, run on the engine); and the dashboard and the
/// district's indicators, against the plain GROUP BY over the cases that gives the district's per-street counts for
/// the same twelve months.
/// </summary>
internal static class PageScenario
{
    /// <summary>What a page may take at p95; issue 18's targets.</summary>
    public const double SearchLimit = 100, PageLimit = 300;

    private static readonly (string Name, string Text)[] Searches =
    [
        ("name, 2 characters (王伟)", "王伟"),
        ("name, surname only (王)", "王"),
        ("full name, 3 characters (王伟明)", "王伟明"),
        ("part of a name, 3 characters (欧阳伟)", "欧阳伟"),
        ("part of an address (潮王路)", "潮王路"),
    ];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (database, origin) = await DistrictData.OpenAsync(options, kind);
        await using var _ = database;
        Console.WriteLine($"[{kind}] {origin}");
        var requests = options.Quick ? 20 : 60;
        var anchors = options.Quick ? 3 : 5;
        await using var server = await ServerProcess.StartAsync(database);
        using var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(5) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DistrictData.Password })).EnsureSuccessStatusCode();
        var results = new List<ScenarioResult>();
        foreach (var (name, text) in Searches)
        {
            var path = $"/api/residents?q={Uri.EscapeDataString(text)}";
            var ours = await TimeAsync(requests, () => GetAsync(client, path));
            var plain = await TimeAsync(anchors, () => PlainSearchAsync(database, text));
            Console.WriteLine($"[{kind}] search {name}: p95 {ours.P95:F1} ms (p50 {ours.P50:F1}); plain LIKE p95 {plain.P95:F0} ms, {plain.Result:N0} matches");
            results.Add(new ScenarioResult($"resident search, {name}", kind, ours.P95, plain.P95, "ms p95", 1,
                $"ours the first page with its total over HTTP (p50 {ours.P50:F1} ms), {ours.Result:N0} found; anchor the plain LIKE '%text%' count over names and addresses ({plain.Result:N0})") { MaxOurs = SearchLimit });
        }
        var months = MonthsBack(12);
        var street = await TimeAsync(anchors, () => PlainCaseCounts.ReceivedAsync(database, "", 9, months.From, months.To));
        foreach (var (name, path) in new[] { ("dashboard page", "/dashboard"), ("indicators, district", "/api/indicators") })
        {
            var ours = await TimeAsync(requests, () => GetAsync(client, path));
            Console.WriteLine($"[{kind}] {name}: p95 {ours.P95:F1} ms (p50 {ours.P50:F1}); plain GROUP BY p95 {street.P95:F0} ms");
            results.Add(new ScenarioResult(name, kind, ours.P95, street.P95, "ms p95", 1,
                $"{DistrictData.CaseCount(options):N0} cases; ours over HTTP (p50 {ours.P50:F1} ms); anchor the plain GROUP BY of the district's cases by street over the same 12 months ({street.Result:N0} cases)") { MaxOurs = PageLimit });
        }
        return results;
    }

    /// <summary>Asks for the page; returns the total of a JSON page (the residents found), else 0.</summary>
    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            _ = await response.Content.ReadAsByteArrayAsync();
            return 0;
        }
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("total", out var total) ? total.GetInt32() : 0;
    }

    /// <summary>The search before trigrams: every name and every address read and compared.</summary>
    private static async Task<int> PlainSearchAsync(BenchDatabase database, string text)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var households = db.Households.IgnoreQueryFilters().Where(h => h.Address.Contains(text)).Select(h => (int?)h.Id);
        return await db.Residents.IgnoreQueryFilters().CountAsync(r => r.Name.Contains(text) || households.Contains(r.HouseholdId));
    }

    /// <summary>The last <paramref name="count"/> months up to this one, as the indicators' default range, in UTC (months are China time).</summary>
    private static (DateTime From, DateTime To) MonthsBack(int count)
    {
        var china = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8);
        var thisMonth = new DateTime(china.Year, china.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return (thisMonth.AddMonths(1 - count).AddHours(-8), thisMonth.AddMonths(1).AddHours(-8));
    }

    private static async Task<(double P50, double P95, int Result)> TimeAsync(int times, Func<Task<int>> work)
    {
        var result = await work();
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1], result);
    }
}
