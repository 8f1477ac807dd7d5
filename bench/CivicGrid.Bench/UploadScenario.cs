using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using CivicGrid.App.Imports;
using MiniExcelLibs;

namespace CivicGrid.Bench;

/// <summary>
/// The district's resident file uploaded to the built web server, running as a process of its own, and imported there
/// (<c>POST /api/imports/Residents?commit=true</c>, the request the import page's commit makes): first as .csv into
/// the empty residents table, then the same rows as .xlsx, which finds every resident already there. The figure is the
/// server's peak resident set against what a 2 GB server can give it; the anchor is the server signed in and idle.
/// </summary>
internal static class UploadScenario
{
    /// <summary>Half of a 2 GB server: the rest is the operating system's, the page cache's and, on PostgreSQL, the database's.</summary>
    public const double MaxPeakMb = 1024;

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var csv = await ImportScenario.PrepareAsync(database, options);
        var xlsx = Path.ChangeExtension(csv, ".xlsx");
        try
        {
            await database.SeedAccountsAsync(DistrictData.Password);
            WriteXlsx(csv, xlsx);
            Console.WriteLine($"[{kind}] upload files: .csv {new FileInfo(csv).Length / 1024 / 1024} MiB, .xlsx {new FileInfo(xlsx).Length / 1024 / 1024} MiB");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var server = await ServerProcess.StartAsync(database);
            using var client = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromHours(1) };
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DistrictData.Password })).EnsureSuccessStatusCode();
            await CivicGrid.Testing.CivicGridFactory.AddRequestTokenAsync(client);
            var idle = server.Memory();
            Console.WriteLine($"[{kind}] server signed in, idle: {idle}");
            var results = new List<ScenarioResult>();
            foreach (var file in new[] { csv, xlsx })
            {
                var (seconds, report, memory) = await UploadAsync(client, server, file);
                var name = Path.GetExtension(file);
                Console.WriteLine($"[{kind}] upload {name}: {report.Rows:N0} rows in {seconds:F1} s (new {report.Inserted:N0}, unchanged {report.Unchanged:N0}), server {memory}");
                results.Add(new ScenarioResult($"upload residents {name}: server peak memory", kind, memory.Peak, idle.Resident, "MB", 0,
                    $"{report.Rows:N0} rows ({new FileInfo(file).Length / 1024 / 1024} MiB) imported over HTTP in {seconds:F1} s ({report.Inserted:N0} new, {report.Unchanged:N0} unchanged); the server's VmHWM; anchor the server idle after sign-in; limit half of a 2 GB server")
                { MaxOurs = MaxPeakMb });
            }
            return results;
        }
        finally
        {
            File.Delete(csv);
            File.Delete(xlsx);
        }
    }

    private static async Task<(double Seconds, ImportReport Report, ProcessMemory Memory)> UploadAsync(HttpClient client, ServerProcess server, string file)
    {
        var watch = Stopwatch.StartNew();
        await using var peak = ProcessPeak.Start(server.Id);
        await using var stream = File.OpenRead(file);
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(stream, 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", "residents" + Path.GetExtension(file));
        using var response = await client.PostAsync("/api/imports/Residents?commit=true", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"upload of {Path.GetFileName(file)} answered {(int)response.StatusCode}: {body[..Math.Min(2000, body.Length)]}");
        }
        var report = System.Text.Json.JsonSerializer.Deserialize<ImportReport>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
        return (watch.Elapsed.TotalSeconds, report, peak.Highest);
    }

    /// <summary>The same rows as a workbook, written row by row.</summary>
    private static void WriteXlsx(string csv, string xlsx)
    {
        using var input = File.OpenRead(csv);
        using var reader = TabularFile.Open(input, csv);
        var headers = reader.Headers;
        var rows = reader.ReadRows().Select(cells =>
        {
            var row = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                row[headers[i]] = i < cells.Length ? cells[i] : null;
            }
            return row;
        });
        MiniExcel.SaveAs(xlsx, rows);
    }
}
