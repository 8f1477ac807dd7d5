using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CivicGrid.Bench;

/// <summary>One table of scenario, our figure, the anchor's, the ratio and the target; also saved as JSON and Markdown.</summary>
internal static class ResultTable
{
    public static void Print(IEnumerable<ScenarioResult> results, BenchOptions options) => Console.WriteLine(Markdown(results, options));

    public static async Task SaveAsync(IReadOnlyList<ScenarioResult> results, BenchOptions options)
    {
        Directory.CreateDirectory(options.ResultsDirectory);
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, $"{stamp}.md"), Markdown(results, options));
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, $"{stamp}.json"),
            JsonSerializer.Serialize(results.Select(r => new { r.Scenario, r.Database, r.Ours, r.Anchor, r.Unit, r.Ratio, r.Target, r.Passed, r.Note })));
    }

    private static string Figure(double value) => value < 100 ? value.ToString("F1", CultureInfo.InvariantCulture) : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Target(ScenarioResult r) =>
        r.MaxOurs is { } max ? $"≤ {max:N0} {r.Unit}" : r.MaxRatio is { } most ? $"ratio ≤ {most:0.###}" : $"≥ {r.Target:F2}";

    // The targets are set for district scale; a quick run's small data only shows that every scenario still runs.
    private static string Verdict(ScenarioResult r, BenchOptions options) => r.Passed ? "pass" : options.Quick ? "below (quick run, not judged)" : "FAIL";

    private static string Markdown(IEnumerable<ScenarioResult> results, BenchOptions options)
    {
        var text = new StringBuilder($"| scenario | database | ours | anchor | unit | ratio | target | result |{Environment.NewLine}|---|---|---:|---:|---|---:|---:|---|{Environment.NewLine}");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Database} | {Figure(r.Ours)} | {Figure(r.Anchor)} | {r.Unit} | {r.Ratio:F2} | {Target(r)} | {Verdict(r, options)} |");
        }
        return text.ToString();
    }
}
