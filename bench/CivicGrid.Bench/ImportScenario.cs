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
/// (binary COPY on PostgreSQL, one prepared INSERT per row in one transaction on SQLite). The bench process's peak
/// resident set during the import is its second figure.
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
            var watch = Stopwatch.StartNew();
            var (report, before, peak) = await PeakMemory.MeasureAsync(() => ImportFileAsync(database, file));
            var ours = report.Inserted / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"[{kind}] import: {report.Inserted:N0} rows in {watch.Elapsed.TotalSeconds:F1} s, errors {report.Errors.Count}, peak {peak:N0} MB (before {before:N0} MB; managed heap at most {PeakMemory.LastManagedPeakMb:N0} MB, {PeakMemory.Collector})");

            var raw = await RawRateAsync(database);
            Console.WriteLine($"[{kind}] raw path: {raw:N0} rows/s");
            return
            [
                new ScenarioResult("import residents", kind, ours, raw, "rows/s", 0.5,
                    $"{report.Inserted:N0} rows in {watch.Elapsed.TotalSeconds:F1} s; ours parses, checks, encrypts and writes tags too"),
                new ScenarioResult("import residents: peak memory", kind, peak, before, "MB", 0,
                    $"the bench process's peak resident set during the import; the anchor is its level just before ({PeakMemory.Collector}; managed heap at most {PeakMemory.LastManagedPeakMb:N0} MB)") { MaxOurs = MaxPeakMb },
            ];
        }
        finally
        {
            File.Delete(file);
        }
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
