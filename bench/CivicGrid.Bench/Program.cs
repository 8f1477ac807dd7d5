using System.Diagnostics;
using CivicGrid.Bench;

// dotnet run -c Release --project bench/CivicGrid.Bench -- [--quick] [--scale small|district] [--db sqlite,postgres] [--only import,upload,export,staff,signin,intake,indicators,rules,coverage,allocation,memory,pages,enterprises,projects,visits,checkin,hotspots,cockpit,assessment,cash,soak] [--soak-minutes 10] [--cases 5000000] [--postgres "Host=..."]
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
(string Name, Func<string, Task<IEnumerable<ScenarioResult>>> Work)[] perEngine =
[
    ("import", async d => await ImportScenario.RunAsync(options, d)),
    ("upload", async d => await UploadScenario.RunAsync(options, d)),
    ("export", async d => await ExportScenario.RunAsync(options, d)),
    ("staff", async d => await StaffImportScenario.RunAsync(options, d)),
    ("signin", async d => await SignInScenario.RunAsync(options, d)),
    ("intake", async d => await IntakeScenario.RunAsync(options, d)),
    ("indicators", async d => await IndicatorScenario.RunAsync(options, d)),
    ("memory", async d => await MemoryScenario.RunAsync(options, d)),
    ("pages", async d => await PageScenario.RunAsync(options, d)),
    ("enterprises", async d => await EnterpriseScenario.RunAsync(options, d)),
    ("projects", async d => await ProjectScenario.RunAsync(options, d)),
    ("visits", async d => await VisitScenario.RunAsync(options, d)),
    ("checkin", async d => await CheckInScenario.RunAsync(options, d)),
    ("hotspots", async d => await HotspotScenario.RunAsync(options, d)),
    ("cockpit", async d => await CockpitScenario.RunAsync(options, d)),
    ("cash", async d => await CashScenario.RunAsync(options, d)),
    ("soak", async d => await SoakScenario.RunAsync(options, d)),
    ("assessment", async d => await AssessmentScenario.RunAsync(options, d)),
];
for (var i = 0; i < perEngine.Length; i++)
{
    foreach (var database in options.DatabasesFor(i))
    {
        await Run(perEngine[i].Name, database, () => perEngine[i].Work(database));
    }
}
ResultTable.Print(results, options);
Console.WriteLine($"Time per scenario: {string.Join(", ", timings)}");
await ResultTable.SaveAsync(results, options);
// The quick run is a smoke check of every scenario at small scale, where the targets (set for district scale) do not apply.
return options.Quick || results.All(r => r.Passed) ? 0 : 1;
