using CivicGrid.App.Accounts;
using System.Diagnostics;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The district the read scenarios share (indicators, memory): the demo district at the run's scale (residents,
/// households, enterprises, facilities, service history) with as many historic cases as the benchmark asks for.
/// It is kept, per engine, for the scenarios after and the runs after to reuse (its keys in bench/data); --fresh and
/// --quick seed it anew once per run.
/// </summary>
internal static class DistrictData
{
    public const string Password = "Bench-password-1";

    /// <summary>Raised when the demo generator or the seeding below changes, so kept databases are not reused.</summary>
    private const int Version = 1;

    private sealed record Kept(string EncryptionKey, string HashKey, int Cases, double SeedingSeconds);

    private static readonly HashSet<string> SeededThisRun = [];

    public static int CaseCount(BenchOptions options) => options.Cases ?? (options.Quick ? 20_000 : 5_000_000);

    /// <summary>Opens the engine's district database and says how it came to be (seeded now, or reused).</summary>
    public static async Task<(BenchDatabase Database, string Origin)> OpenAsync(BenchOptions options, string kind)
    {
        var name = $"civicgrid_bench_{options.Scale.Name}_v{Version}{(options.Cases is { } cases ? $"_{cases}_cases" : "")}";
        var marker = Path.Combine(BenchPaths.Bench, "data", $"{name}.{kind}.json");
        var reuse = SeededThisRun.Contains(marker) || !(options.Quick || options.Fresh);
        if (reuse && File.Exists(marker) && JsonSerializer.Deserialize<Kept>(await File.ReadAllTextAsync(marker)) is { } kept)
        {
            var reused = await BenchDatabase.OpenAsync(kind, options, name, new PersonalDataKeys(kept.EncryptionKey, kept.HashKey), keep: true);
            if (await HoldsTheDistrictAsync(reused))
            {
                return (reused, $"reused the kept district (seeded in {kept.SeedingSeconds:F0} s){(SeededThisRun.Contains(marker) ? " in this run" : "")}");
            }
            // The marker outlived its database (a PostgreSQL cluster started afresh, a cleared temporary folder).
            await reused.DisposeAsync();
        }
        if (File.Exists(marker))
        {
            File.Delete(marker);
        }
        await BenchDatabase.DropAsync(kind, options, name);
        var database = await BenchDatabase.OpenAsync(kind, options, name, keys: null, keep: true);
        var seconds = await SeedAsync(database, options);
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(new Kept(database.Keys.EncryptionKey, database.Keys.HashKey, CaseCount(options), seconds)));
        SeededThisRun.Add(marker);
        return (database, $"seeded the demo district at {options.Scale.Name} scale with {CaseCount(options):N0} cases in {seconds:F0} s");
    }

    private static async Task<bool> HoldsTheDistrictAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().TerritoryNodes.IgnoreQueryFilters().AnyAsync();
    }

    private static async Task<double> SeedAsync(BenchDatabase database, BenchOptions options)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var scale = options.Scale with { HistoricCases = CaseCount(options) };
        await services.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None);
        await services.GetRequiredService<SeedAccountsHandler>().HandleAsync(new SeedAccounts(Password), CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }
}
