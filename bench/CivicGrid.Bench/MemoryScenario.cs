using System.Diagnostics;
using CivicGrid.Core.Demo;

namespace CivicGrid.Bench;

/// <summary>
/// Peak memory of the web server with a district loaded: the shared bench district (<see cref="DistrictData"/>), the
/// built server started on it as a process of its own, and the heavy read paths walked as the admin; the figure is the server's peak resident set. The anchor is the same server on the tiny demo, walked the
/// same way, which is what the runtime, the framework and the code cost before any data.
/// </summary>
internal static class MemoryScenario
{
    /// <summary>What a district server may take at peak; why this much is in PERFORMANCE.md.</summary>
    public const double LimitMegabytes = 1024;

    /// <summary>What each request of the walk may take at p95 at district scale (issue 18: every page p95 under 300 ms).</summary>
    public const double SlowestRequestMilliseconds = 300;

    /// <summary>Rounds of the walk at district scale: enough that a request's p95 is not simply its slowest round.</summary>
    private const int Rounds = 20;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var rounds = options.Quick ? 1 : Rounds;
        var (district, origin) = await DistrictData.OpenAsync(options, kind);
        ServerMemory ours;
        await using (district)
        {
            Console.WriteLine($"[{kind}] {origin}");
            ours = await MeasureAsync(district, $"{kind} {options.Scale.Name}", rounds);
        }
        await using var tiny = await BenchDatabase.CreateAsync(kind, options);
        await tiny.SeedDemoAsync(DemoScale.Tiny, DistrictData.Password);
        var empty = await MeasureAsync(tiny, $"{kind} tiny", rounds);
        var (slowest, slowestMs) = ours.Walk.SlowestP95();
        var (anchorSlowest, anchorMs) = empty.Walk.SlowestP95();
        var (single, singleMs, round) = ours.Walk.Slowest();
        return
        [
            new ScenarioResult($"server peak memory, {options.Scale.Name} scale", kind, ours.After.Peak, empty.After.Peak, "MB", 1,
                $"{DistrictData.CaseCount(options):N0} cases; {origin}; {rounds} rounds of the heavy read paths, {ours.Walk.Failed + empty.Walk.Failed} requests failed; ours idle {ours.Idle.Resident:N0} MB, after the walk {ours.After.Resident:N0} MB; " +
                $"anchor the same server on the tiny demo (idle {empty.Idle.Resident:N0} MB, after {empty.After.Resident:N0} MB); ratio is anchor over ours")
            { MaxOurs = LimitMegabytes },
            new ScenarioResult($"memory walk: slowest request's p95, {options.Scale.Name} scale", kind, slowestMs, anchorMs, "ms", 1,
                $"ours: {slowest} over {rounds} rounds (the server warmed up and ready, as a balancer would send it requests), {ours.Walk.Over(SlowestRequestMilliseconds)} of the walk's requests with a p95 over {SlowestRequestMilliseconds:N0} ms; " +
                $"the single slowest request {single} in round {round}, {singleMs:N0} ms; anchor: the same walk on the tiny demo, its slowest p95 {anchorSlowest}")
            { MaxOurs = SlowestRequestMilliseconds },
        ];
    }

    private sealed record ServerMemory(ProcessMemory Idle, ProcessMemory After, WalkTimes Walk);

    private static async Task<ServerMemory> MeasureAsync(BenchDatabase database, string label, int rounds)
    {
        var walk = await MemoryWalk.FindAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var server = await ServerProcess.StartAsync(database);
        var idle = server.Memory();
        Console.WriteLine($"[{label}] {"server started",-42} {idle}");
        var times = await walk.RunAsync(server, DistrictData.Password, rounds, label);
        var after = server.Memory();
        Console.WriteLine($"[{label}] after the walk: {after}; {times.Failed} requests failed");
        return new ServerMemory(idle, after, times);
    }
}
