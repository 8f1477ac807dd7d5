using CivicGrid.App.People;
using System.Diagnostics;
using System.Text;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.App.Imports;
using CivicGrid.Core.Demo;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Imports the demo district's resident file (parse, check, encrypt, write) from a file on disk and, in the same run
/// on the same table with the same indexes, writes the same rows already encrypted through the engine's raw path
/// (binary COPY on PostgreSQL, one prepared INSERT per row in one transaction on SQLite). The import runs as users run
/// it, by the command line in a process of its own, whose peak resident set is the second figure: what the bench
/// itself holds after generating the district does not count.
/// </summary>
internal static class ImportScenario
{
    public const double MaxPeakMb = 500;

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var file = await PrepareAsync(database, options);
        try
        {
            Console.WriteLine($"[{kind}] residents file: {new FileInfo(file).Length / 1024 / 1024} MiB");
            var chunk = await OneChunkAsync(file);
            var anchor = await CommandLine.RunAsync(database, ["import", "Residents", chunk, "--dry-run"]);
            File.Delete(chunk);
            Console.WriteLine($"[{kind}] command line, dry run of one chunk: {anchor.Elapsed.TotalSeconds:F1} s, {anchor.Memory}");
            var run = await CommandLine.RunAsync(database, ["import", "Residents", file]);
            var inserted = await CountAsync(database);
            if (run.ExitCode != 0 || inserted == 0)
            {
                throw new InvalidOperationException($"residents did not import (exit {run.ExitCode}): {run.Output[^Math.Min(2000, run.Output.Length)..]}");
            }
            var ours = inserted / run.Elapsed.TotalSeconds;
            Console.WriteLine($"[{kind}] import by the command line: {inserted:N0} rows in {run.Elapsed.TotalSeconds:F1} s, {run.Memory}");

            var raw = await RawRateAsync(database);
            Console.WriteLine($"[{kind}] raw path: {raw:N0} rows/s");
            return
            [
                new ScenarioResult("import residents", kind, ours, raw, "rows/s", 0.5,
                    $"{inserted:N0} rows in {run.Elapsed.TotalSeconds:F1} s by the command line, process start included; ours parses, checks, encrypts and writes tags too"),
                new ScenarioResult("import residents: peak memory", kind, run.Memory.Peak, anchor.Memory.Peak, "MB", 0,
                    $"the command line's peak resident set (VmHWM) importing the file in a process of its own; at its highest reading {run.Memory.Anonymous:N0} MB anonymous, {run.Memory.Files:N0} MB mapped files; " +
                    $"the anchor is the same command checking one chunk ({ChunkRows:N0} rows) with --dry-run") { MaxOurs = MaxPeakMb },
            ];
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const int ChunkRows = 10_000;

    /// <summary>The file's header and its first chunk of rows, as a file of their own.</summary>
    private static async Task<string> OneChunkAsync(string file)
    {
        var chunk = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-chunk-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(chunk, File.ReadLines(file).Take(ChunkRows + 1), new UTF8Encoding(false));
        return chunk;
    }

    private static async Task<int> CountAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Residents.CountAsync();
    }

    /// <summary>Imports a resident file from disk, as the command line and the web page do: read, checked and written in chunks.</summary>
    public static async Task<ImportReport> ImportFileAsync(BenchDatabase database, string file)
    {
        await using var scope = database.Scope();
        await using var stream = File.OpenRead(file);
        using var data = TabularFile.Open(stream, "residents.csv");
        var outcome = await scope.ServiceProvider.GetRequiredService<RunImportHandler>()
            .HandleAsync(new RunImport(ImportKind.Residents, data, Commit: true, "residents.csv"), null, CancellationToken.None);
        return outcome.Value is { Committed: true } report
            ? report
            : throw new InvalidOperationException($"residents did not import: {outcome.Value?.Errors.FirstOrDefault()}");
    }

    /// <summary>Writes the district's territory, tags, buildings and households, and its resident file to a temporary file.</summary>
    public static async Task<string> PrepareAsync(BenchDatabase database, BenchOptions options)
    {
        var district = new DemoDistrict(options.Scale, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var population = district.Population().ToList();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            db.TerritoryNodes.AddRange(district.Territory);
            if (!await db.Tags.AnyAsync())
            {
                db.Tags.AddRange(Tag.Defaults.Select(t => new Tag { Name = t.Name, Description = t.Description }));
            }
            await db.SaveChangesAsync();
            var import = scope.ServiceProvider.GetRequiredService<RunImportHandler>();
            foreach (var (kind, table) in new[]
                     {
                         (ImportKind.Buildings, DemoTables.Buildings(population.SelectMany(g => g.Buildings))),
                         (ImportKind.Households, DemoTables.Households(population.SelectMany(g => g.Households))),
                     })
            {
                var outcome = await import.HandleAsync(new RunImport(kind, table, true, kind.ToString()), null, CancellationToken.None);
                if (outcome.Value is not { Committed: true })
                {
                    throw new InvalidOperationException($"{kind} did not import: {outcome.Value?.Errors.FirstOrDefault()}");
                }
            }
        }
        var file = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-residents-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            TabularFile.WriteCsv(DemoTables.Residents(population.SelectMany(g => g.People)), writer);
        }
        return file;
    }

    /// <summary>Reads back the imported rows, empties the table and times writing them again by the raw path.</summary>
    private static async Task<double> RawRateAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var residents = await db.Residents.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{ResidentTags.Table}\"");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Residents\"");
        var bulk = scope.ServiceProvider.GetRequiredService<BulkInsert>();
        var watch = Stopwatch.StartNew();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await bulk.WriteAsync(residents, CancellationToken.None);
            await tx.CommitAsync();
        }
        return residents.Count / watch.Elapsed.TotalSeconds;
    }
}
