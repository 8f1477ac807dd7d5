using System.Diagnostics;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The heavy read paths a district admin takes, as requests to a running server: the dashboard and indicators, the
/// 15-minute coverage of every facility type, a service's target list for the whole district, and resident lists
/// paged and searched. The codes and ids come from the bench database, so the same walk fits any demo scale.
/// </summary>
internal sealed record MemoryWalk(int? ServiceId, string Street, string Community, IReadOnlyList<string> FacilityTypes)
{
    public static async Task<MemoryWalk> FindAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var nodes = db.TerritoryNodes.IgnoreQueryFilters().AsNoTracking().OrderBy(n => n.Code);
        var street = await nodes.Where(n => n.Level == TerritoryLevel.Street).Select(n => n.Code).FirstAsync();
        var community = await nodes.Where(n => n.Level == TerritoryLevel.Community).Select(n => n.Code).FirstAsync();
        var service = await db.ServiceItems.AsNoTracking().Where(s => s.PublishedRuleVersion != null).OrderBy(s => s.Code).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        var types = await db.FacilityTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync();
        return new MemoryWalk(service, street, community, types);
    }

    /// <summary>Signs in as the admin and asks every request of the walk, rounds times, printing the server's memory after each.</summary>
    public async Task<WalkTimes> RunAsync(ServerProcess server, string password, int rounds, string label)
    {
        var times = new List<(string Request, int Round, double Milliseconds)>();
        using var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(10) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password })).EnsureSuccessStatusCode();
        Console.WriteLine($"[{label}] {"signed in as admin",-42} {server.Memory()}");
        var failed = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, path) in Requests())
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                failed += response.IsSuccessStatusCode ? 0 : 1;
                times.Add((name, round, watch.Elapsed.TotalMilliseconds));
                Console.WriteLine($"[{label}] {round} {name,-40} {(int)response.StatusCode} {watch.Elapsed.TotalMilliseconds,7:N0} ms {bytes / 1024.0,8:N1} KB  {server.Memory()}");
            }
        }
        return new WalkTimes(times, failed);
    }

    private IEnumerable<(string Name, string Path)> Requests()
    {
        yield return ("dashboard page", "/dashboard");
        yield return ("indicators, district", "/api/indicators");
        yield return ("indicators, a street", $"/api/indicators?scope={Street}");
        yield return ("open cases on the map", "/api/indicators/open-cases");
        yield return ("coverage, every type, district", "/api/coverage");
        foreach (var type in FacilityTypes)
        {
            yield return ($"coverage, {type}", $"/api/coverage?type={type}");
        }
        yield return ("coverage households, a community", $"/api/coverage/households?node={Community}&type={FacilityTypes[0]}");
        yield return ("coverage page", "/coverage");
        if (ServiceId is { } id)
        {
            yield return ("service targets, district", $"/api/services/{id}/targets");
            yield return ("service target people, eligible", $"/api/services/{id}/targets/people?group=Eligible");
            yield return ("service target people, missed", $"/api/services/{id}/targets/people");
        }
        yield return ("residents, page 1 with total", "/api/residents");
        yield return ("residents, page 1,000", "/api/residents?page=1000");
        yield return ("residents, name search", "/api/residents?q=王伟");
        yield return ("residents, address search", "/api/residents?q=潮王路");
        yield return ("residents page", "/residents");
        yield return ("cases, page 1", "/api/cases");
    }
}

/// <summary>Each request's time in each round of a walk, and how many requests failed.</summary>
internal sealed record WalkTimes(IReadOnlyList<(string Request, int Round, double Milliseconds)> Times, int Failed)
{
    /// <summary>The single slowest request of the walk and its round.</summary>
    public (string Request, double Milliseconds, int Round) Slowest()
    {
        var slowest = Times.MaxBy(t => t.Milliseconds);
        return (slowest.Request, slowest.Milliseconds, slowest.Round);
    }

    /// <summary>The request whose p95 over the rounds (nearest rank) is the highest of the walk, and that p95.</summary>
    public (string Request, double Milliseconds) SlowestP95() =>
        Times.GroupBy(t => t.Request).Select(g => (g.Key, P95(g.Select(t => t.Milliseconds)))).MaxBy(r => r.Item2);

    /// <summary>How many requests had a p95 over <paramref name="milliseconds"/>.</summary>
    public int Over(double milliseconds) => Times.GroupBy(t => t.Request).Count(g => P95(g.Select(t => t.Milliseconds)) > milliseconds);

    private static double P95(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
    }
}
