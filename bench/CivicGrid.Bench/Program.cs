using CivicGrid.Bench;

// dotnet run -c Release --project bench/CivicGrid.Bench -- [--quick] [--scale small|district] [--db sqlite,postgres] [--only import,intake,indicators,rules,coverage,allocation,memory] [--postgres "Host=..."]
var options = BenchOptions.Parse(args);
var results = new List<ScenarioResult>();
if (options.Runs("rules"))
{
    results.AddRange(await RulesScenario.RunAsync(options));
}
if (options.Runs("coverage"))
{
    results.Add(await CoverageScenario.RunAsync(options));
}
if (options.Runs("allocation"))
{
    results.AddRange(AllocationScenario.Run(options));
}
foreach (var database in options.Databases)
{
    if (options.Runs("import"))
    {
        results.Add(await ImportScenario.RunAsync(options, database));
    }
    if (options.Runs("intake"))
    {
        results.AddRange(await IntakeScenario.RunAsync(options, database));
    }
    if (options.Runs("indicators"))
    {
        results.AddRange(await IndicatorScenario.RunAsync(options, database));
    }
    if (options.Runs("memory"))
    {
        results.Add(await MemoryScenario.RunAsync(options, database));
    }
}
ResultTable.Print(results);
await ResultTable.SaveAsync(results, options);
return results.All(r => r.Passed) ? 0 : 1;
