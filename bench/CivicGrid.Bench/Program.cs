using CivicGrid.Bench;

// dotnet run -c Release --project bench/CivicGrid.Bench -- [--scale small|district] [--db sqlite,postgres] [--postgres "Host=..."]
var options = BenchOptions.Parse(args);
var results = new List<ScenarioResult>();
foreach (var database in options.Databases)
{
    results.Add(await ImportScenario.RunAsync(options, database));
}
ResultTable.Print(results);
await ResultTable.SaveAsync(results, options);
return results.All(r => r.Passed) ? 0 : 1;
