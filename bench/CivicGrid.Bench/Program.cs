using System.Diagnostics;
using CivicGrid.Bench;

// dotnet run -c Release --project bench/CivicGrid.Bench -- [--quick] [--scale small|district] [--db sqlite,postgres] [--only import,upload,export,staff,signin,intake,indicators,rules,coverage,allocation,memory,pages,enterprises,projects,soak] [--soak-minutes 10] [--cases 5000000] [--postgres "Host=..."]
var options = BenchOptions.Parse(args);
var results = new List<ScenarioResult>();
var timings = new List<string>();

async Task Run(string scenario, string? database, Func<Task<IEnumerable<ScenarioResult>>> work)
{
    if (!options.Runs(scenario))
    {
        return;
    }
    var watch = Stopwatch.StartNew();
    results.AddRange(await work());
    timings.Add($"{scenario}{(database is null ? "" : $" ({database})")} {watch.Elapsed.TotalSeconds:F0} s");
}

await Run("rules", null, async () => await RulesScenario.RunAsync(options));
await Run("coverage", null, async () => [await CoverageScenario.RunAsync(options)]);
await Run("allocation", null, () => Task.FromResult(AllocationScenario.Run(options).AsEnumerable()));
foreach (var database in options.Databases)
{
    await Run("import", database, async () => await ImportScenario.RunAsync(options, database));
    await Run("upload", database, async () => await UploadScenario.RunAsync(options, database));
    await Run("export", database, async () => await ExportScenario.RunAsync(options, database));
    await Run("staff", database, async () => await StaffImportScenario.RunAsync(options, database));
    await Run("signin", database, async () => await SignInScenario.RunAsync(options, database));
    await Run("intake", database, async () => await IntakeScenario.RunAsync(options, database));
    await Run("indicators", database, async () => await IndicatorScenario.RunAsync(options, database));
    await Run("memory", database, async () => [await MemoryScenario.RunAsync(options, database)]);
    await Run("pages", database, async () => await PageScenario.RunAsync(options, database));
    await Run("enterprises", database, async () => await EnterpriseScenario.RunAsync(options, database));
    await Run("projects", database, async () => await ProjectScenario.RunAsync(options, database));
    await Run("soak", database, async () => await SoakScenario.RunAsync(options, database));
}
ResultTable.Print(results, options);
Console.WriteLine($"Time per scenario: {string.Join(", ", timings)}");
await ResultTable.SaveAsync(results, options);
// The quick run is a smoke check of every scenario at small scale, where the targets (set for district scale) do not apply.
return options.Quick || results.All(r => r.Passed) ? 0 : 1;
