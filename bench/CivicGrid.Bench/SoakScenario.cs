using CivicGrid.Core.Demo;

namespace CivicGrid.Bench;

/// <summary>
/// A steady load for a long time: the built server as its own process on a fresh demo database, sent a fixed rate of the
/// everyday mix (<see cref="SoakMix"/>) by an open-loop generator, its resident set read every few seconds. Passes with no
/// error, p99 within the intake target, and memory flat: the last reading within 20 % of the level after warm-up.
/// </summary>
internal static class SoakScenario
{
    /// <summary>Requests per second: about a tenth of what one engine's intake takes on two cores, so the run measures drift, not saturation.</summary>
    public const double Rate = 150;
    /// <summary>The intake benchmark's p99 target (PERFORMANCE.md).</summary>
    public const double P99TargetMs = 30;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (duration, warmUp, interval) = options.Quick
            ? (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))
            : (options.SoakDuration, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        var scale = options.Quick ? DemoScale.Tiny : DemoScale.Small;
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        await database.SeedDemoAsync(scale, DistrictData.Password);
        var grid = await IntakeScenario.FirstGridAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var server = await ServerProcess.StartAsync(database, new Dictionary<string, string?> { ["RateLimits:CasesPerMinute"] = "1000000" });
        using var mix = await SoakMix.SignInAsync(server.Address, DistrictData.Password, (grid.CentreLatitude!.Value, grid.CentreLongitude!.Value));
        var sampler = new MemorySampler(server.Memory, interval);
        using var stop = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stop.Token);
        var load = await SteadyLoad.RunAsync(mix.Requests, Rate, duration, warmUp);
        await stop.CancelAsync();
        await sampling;
        return Results(kind, scale, load, sampler, warmUp);
    }

    private static List<ScenarioResult> Results(string kind, DemoScale scale, SteadyLoadResult load, MemorySampler memory, TimeSpan warmUp)
    {
        var (start, end) = (memory.Samples[0].Resident, memory.Samples[^1].Resident);
        var level = memory.LevelAfter(warmUp, warmUp);
        var errors = load.ErrorsByRequest.Count == 0 ? "none" : string.Join(", ", load.ErrorsByRequest.Select(e => $"{e.Key} {e.Value}"));
        var run = $"{scale.Name} demo, {load.RatePerSecond:N0} req/s for {load.Duration.TotalMinutes:F1} min ({load.Requests:N0} requests)";
        Console.WriteLine($"[{kind}] soak: {run}; p50 {load.P50Ms:F1} ms, p99 {load.P99Ms:F1} ms (first fifth after warm-up {load.EarlyP99Ms:F1} ms); p99 by request: {string.Join(", ", load.P99ByRequest.Select(r => $"{r.Key} {r.Value:F1} ms"))}; errors: {errors}; " +
            $"RSS at start {start:N0} MB, after warm-up {level:N0} MB, at end {end:N0} MB, slope {memory.SlopePerMinute(warmUp):+0.0;-0.0} MB/min");
        return
        [
            new ScenarioResult("soak p99 latency", kind, load.P99Ms, load.EarlyP99Ms, "ms", 1,
                $"{run}; after {warmUp.TotalSeconds:F0} s warm-up; p50 {load.P50Ms:F1} ms; anchor the p99 of the first fifth after warm-up") { MaxOurs = P99TargetMs },
            new ScenarioResult("soak errors", kind, load.Errors, load.Requests, "requests", 1, $"{run}; errors: {errors}") { MaxOurs = 0 },
            new ScenarioResult("soak server memory at end", kind, end, level, "MB", 1,
                $"{run}; RSS at start {start:N0} MB, after {warmUp.TotalSeconds:F0} s warm-up {level:N0} MB, slope {memory.SlopePerMinute(warmUp):+0.0;-0.0} MB/min; ratio is end over after warm-up")
            { MaxRatio = 1 + MemorySampler.FlatTolerance },
        ];
    }
}
