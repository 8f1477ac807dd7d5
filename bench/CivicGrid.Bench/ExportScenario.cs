using System.Data.Common;
using System.Diagnostics;
using CivicGrid.App.Data;
using CivicGrid.App.Exports;
using CivicGrid.App.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Exports every resident of the district as .csv and .xlsx, as the residents page's export does (masked, with the
/// household's address and the tags, sorted by name), to a file on disk, and measures the bench process's peak resident
/// set during each. Anchor, in the same run: the engine's own read of the same columns in the same order —
/// <c>COPY (SELECT …) TO STDOUT</c> on PostgreSQL, a plain <c>SqliteDataReader</c> over the SELECT on SQLite.
/// </summary>
internal static class ExportScenario
{
    public const double MaxPeakMb = 300;

    private const string Select = """
        SELECT r."Name", r."IdNumberMasked", r."BirthDate", r."Gender", r."ResidenceType", r."PhoneMasked", h."Address", r."GridCode",
               (SELECT {0} FROM "ResidentTags" rt JOIN "Tags" t ON t."Id" = rt."TagsId" WHERE rt."ResidentsId" = r."Id") AS "Tags"
        FROM "Residents" r LEFT JOIN "Households" h ON h."Id" = r."HouseholdId"
        ORDER BY r."Name", r."Id"
        """;

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var file = await ImportScenario.PrepareAsync(database, options);
        var seeded = await ImportScenario.ImportFileAsync(database, file);
        File.Delete(file);
        var rows = seeded.Inserted;
        Console.WriteLine($"[{kind}] seeded {rows:N0} residents");

        var (anchorSeconds, anchorBefore, anchorPeak) = await PeakMemory.MeasureAsync(() => AnchorAsync(database));
        Console.WriteLine($"[{kind}] anchor read: {anchorSeconds:F1} s, peak {anchorPeak:N0} MB (before {anchorBefore:N0} MB)");
        var results = new List<ScenarioResult>();
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var ((seconds, bytes), before, peak) = await PeakMemory.MeasureAsync(() => ExportAsync(database, format));
            var name = format == ExportFormat.Csv ? ".csv" : ".xlsx";
            Console.WriteLine($"[{kind}] export {name}: {rows:N0} rows in {seconds:F1} s, {bytes / 1024 / 1024:N0} MiB, peak {peak:N0} MB (before {before:N0} MB; managed heap at most {PeakMemory.LastManagedPeakMb:N0} MB, {PeakMemory.Collector})");
            results.Add(new ScenarioResult($"export residents {name}", kind, rows / seconds, rows / anchorSeconds, "rows/s", 0.1,
                $"{rows:N0} rows in {seconds:F1} s ({bytes / 1024 / 1024:N0} MiB); anchor {(kind == "postgres" ? "COPY (SELECT …) TO STDOUT" : "SqliteDataReader")} in {anchorSeconds:F1} s"));
            results.Add(new ScenarioResult($"export residents {name}: peak memory", kind, peak, anchorPeak, "MB", 0,
                $"the bench process's peak resident set during the export; the anchor is its peak during the engine's own read ({PeakMemory.Collector}; managed heap at most {PeakMemory.LastManagedPeakMb:N0} MB)") { MaxOurs = MaxPeakMb });
        }
        return results;
    }

    private static async Task<(double Seconds, long Bytes)> ExportAsync(BenchDatabase database, ExportFormat format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-export-{Guid.NewGuid():N}{ExportWriter.Extension(format)}");
        try
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = database.Scope())
            await using (var output = File.Create(path))
            {
                await scope.ServiceProvider.GetRequiredService<ExportListsHandler>()
                    .ResidentsAsync(output, format, new SearchResidents(PageSize: int.MaxValue), CancellationToken.None);
            }
            return (watch.Elapsed.TotalSeconds, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Seconds the engine takes to hand over every row of the same SELECT.</summary>
    private static async Task<double> AnchorAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var connection = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        if (connection is NpgsqlConnection postgres)
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "string_agg(t.\"Name\", '、')");
            using var copy = await postgres.BeginTextExportAsync($"COPY ({sql}) TO STDOUT (FORMAT csv)");
            var buffer = new char[64 * 1024];
            while (await copy.ReadAsync(buffer) > 0)
            {
            }
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "group_concat(t.\"Name\", '、')");
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
            }
        }
        return watch.Elapsed.TotalSeconds;
    }
}
