using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CivicGrid.Bench;

/// <summary>One table of scenario, our figure, the anchor's, the ratio and the target; also saved as JSON and Markdown.</summary>
internal static class ResultTable
{
    public static void Print(IEnumerable<ScenarioResult> results) => Console.WriteLine(Markdown(results));

    public static async Task SaveAsync(IReadOnlyList<ScenarioResult> results, BenchOptions options)
    {
        Directory.CreateDirectory(options.ResultsDirectory);
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, $"{stamp}.md"), Markdown(results));
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, $"{stamp}.json"),
            JsonSerializer.Serialize(results.Select(r => new { r.Scenario, r.Database, r.Ours, r.Anchor, r.Unit, r.Ratio, r.Target, r.Passed, r.Note })));
    }

    private static string Figure(double value) => value < 100 ? value.ToString("F1", CultureInfo.InvariantCulture) : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Target(ScenarioResult r) =>
        r.MaxOurs is { } max ? $"≤ {max:N0} {r.Unit}" : r.MaxRatio is { } most ? $"ratio ≤ {most:0.###}" : $"≥ {r.Target:F2}";

    private static string Markdown(IEnumerable<ScenarioResult> results)
    {
        var text = new StringBuilder($"| scenario | database | ours | anchor | unit | ratio | target | result |{Environment.NewLine}|---|---|---:|---:|---|---:|---:|---|{Environment.NewLine}");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Database} | {Figure(r.Ours)} | {Figure(r.Anchor)} | {r.Unit} | {r.Ratio:F2} | {Target(r)} | {(r.Passed ? "pass" : "FAIL")} |");
        }
        return text.ToString();
    }
}
