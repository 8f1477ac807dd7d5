using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Peak memory of the web server with a district loaded: the demo district (the small one with --quick) seeded into a
/// bench database, the built server started on it as a process of its own, and the heavy read paths walked as the
/// admin; the figure is the server's peak resident set. The anchor is the same server on the tiny demo, walked the
/// same way, which is what the runtime, the framework and the code cost before any data.
/// </summary>
internal static class MemoryScenario
{
    /// <summary>What a district server may take at peak; why this much is in PERFORMANCE.md.</summary>
    public const double LimitMegabytes = 1024;

    private const string Password = "Bench-password-1";

    public static async Task<ScenarioResult> RunAsync(BenchOptions options, string kind)
    {
        var rounds = options.Quick ? 2 : 3;
        var ours = await MeasureAsync(options, kind, options.Scale, rounds);
        var empty = await MeasureAsync(options, kind, DemoScale.Tiny, rounds);
        return new ScenarioResult($"server peak memory, {options.Scale.Name} demo", kind, ours.After.Peak, empty.After.Peak, "MB", 1,
            $"seeded in {ours.Seeding.TotalSeconds:F0} s; {rounds} rounds of the heavy read paths, {ours.Failed + empty.Failed} requests failed; ours idle {ours.Idle.Resident:N0} MB, after the walk {ours.After.Resident:N0} MB; " +
            $"anchor the same server on the tiny demo (idle {empty.Idle.Resident:N0} MB, after {empty.After.Resident:N0} MB); ratio is anchor over ours")
        { MaxOurs = LimitMegabytes };
    }

    private sealed record ServerMemory(TimeSpan Seeding, ProcessMemory Idle, ProcessMemory After, int Failed);

    private static async Task<ServerMemory> MeasureAsync(BenchOptions options, string kind, DemoScale scale, int rounds)
    {
        var label = $"{kind} {scale.Name}";
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var seeding = await SeedAsync(database, scale);
        Console.WriteLine($"[{label}] seeded the {scale.Name} demo district in {seeding.TotalSeconds:F1} s");
        var walk = await MemoryWalk.FindAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var server = await ServerProcess.StartAsync(database);
        var idle = server.Memory();
        Console.WriteLine($"[{label}] {"server started",-42} {idle}");
        var failed = await walk.RunAsync(server, Password, rounds, label);
        var after = server.Memory();
        Console.WriteLine($"[{label}] after the walk: {after}; {failed} requests failed");
        return new ServerMemory(seeding, idle, after, failed);
    }

    private static async Task<TimeSpan> SeedAsync(BenchDatabase database, DemoScale scale)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None);
        var elapsed = watch.Elapsed;
        await scope.ServiceProvider.GetRequiredService<SeedAccountsHandler>().HandleAsync(new SeedAccounts(Password), CancellationToken.None);
        return elapsed;
    }
}
