using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Case intake over HTTP: a resident's POST /api/cases through the real host (sign-in cookie, validation, grid lookup,
/// case + first timeline entry + audit + indicator roll-up + notifications in one transaction), driven by autocannon on
/// loopback at a fixed concurrency; beside it, the engine's raw single-row insert rate into the same table.
/// </summary>
internal static class IntakeScenario
{
    public const int Connections = 16;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var seconds = options.Quick ? 2 : 30;
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        string gridCode;
        LoadResult load;
        string groups;
        await using (var host = await BenchHost.StartAsync(database))
        {
            var grid = await FirstGridAsync(database);
            gridCode = grid.Code;
            var cookie = await SignInAsync(host.Address, "resident", host.Password);
            var body = System.Text.Json.JsonSerializer.Serialize(new { itemCode = "0101", description = "楼上夜间噪音扰民，多次沟通无果", latitude = grid.CentreLatitude, longitude = grid.CentreLongitude });
            var floor = await LoadGenerator.GetAsync($"{host.Address}/api/auth/me", cookie, Connections, options.Quick ? 1 : 5);
            Console.WriteLine($"[{kind}] signed-in GET /api/auth/me (the pipeline's floor): {floor.RequestsPerSecond:N0}/s, p99 {floor.P99Ms} ms");
            await LoadGenerator.PostJsonAsync($"{host.Address}/api/cases", body, cookie, Connections, options.Quick ? 1 : 2);
            using var meter = new IntakeMeter();
            load = await LoadGenerator.PostJsonAsync($"{host.Address}/api/cases", body, cookie, Connections, seconds);
            groups = meter.Summary(seconds);
        }
        Console.WriteLine($"[{kind}] intake: {load.RequestsPerSecond:N0}/s, p50 {load.P50Ms} ms, p99 {load.P99Ms} ms, {load.Requests:N0} requests, {load.Failures} failed; {groups}");
        var raw = await RawInserts.RatePerSecondAsync(database, gridCode, Connections, options.Quick ? 1 : 10);
        Console.WriteLine($"[{kind}] raw single-row inserts: {raw:N0}/s");
        var target = kind == "postgres" ? 3000 : 2000;
        return
        [
            new ScenarioResult("case intake over HTTP", kind, load.RequestsPerSecond, raw, "cases/s", 0.25,
                $"{Connections} connections, {seconds} s; p50 {load.P50Ms} ms, p99 {load.P99Ms} ms; {load.Failures} failed; {groups}; absolute target ≥ {target}/s"),
        ];
    }

    public static async Task<TerritoryNode> FirstGridAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().TerritoryNodes
            .Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).FirstAsync();
    }

    private static async Task<string> SignInAsync(string address, string userName, string password)
    {
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("civicgrid=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
