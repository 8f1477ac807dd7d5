using CivicGrid.Core.Demo;

namespace CivicGrid.Bench;

internal sealed record BenchOptions(DemoScale Scale, IReadOnlyList<string> Databases, string? Postgres, string ResultsDirectory, bool Quick, IReadOnlyList<string> Scenarios)
{
    /// <summary>Seed the shared district anew instead of reusing the one kept from an earlier run.</summary>
    public bool Fresh { get; init; }

    /// <summary>How long the soak runs at full length (<c>--soak-minutes</c>, 10 by default); the quick run takes 20 s.</summary>
    public TimeSpan SoakDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many historic cases the shared district holds (<c>--cases</c>): fewer seed faster, for the read paths that ignore cases.</summary>
    public int? Cases { get; init; }

    public bool Runs(string scenario) => Scenarios.Count == 0 || Scenarios.Contains(scenario);

    /// <summary>
    /// The engines the <paramref name="scenario"/>-th per-engine scenario runs on: every one, except in the quick run, which
    /// smoke-checks each scenario once and takes the engines in turn, so both engines' paths run and the run stays short.
    /// </summary>
    public IReadOnlyList<string> DatabasesFor(int scenario) => Quick && Databases.Count > 1 ? [Databases[scenario % Databases.Count]] : Databases;

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var scale = args.Contains("--quick") ? DemoScale.Small : DemoScale.Parse(Value("--scale", "district"));
        var postgres = Value("--postgres", Environment.GetEnvironmentVariable("CIVICGRID_TEST_POSTGRES") ?? "");
        var databases = Value("--db", postgres.Length > 0 ? "sqlite,postgres" : "sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var scenarios = Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new BenchOptions(scale, databases, postgres.Length > 0 ? postgres : null, Value("--out", Path.Combine(BenchPaths.Bench, "results")), args.Contains("--quick"), scenarios) 
        {
            Fresh = args.Contains("--fresh"),
            Cases = args.Contains("--cases") ? int.Parse(Value("--cases", "0"), System.Globalization.CultureInfo.InvariantCulture) : null,
            SoakDuration = TimeSpan.FromMinutes(double.Parse(Value("--soak-minutes", "10"), System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}

/// <summary>
/// One measured scenario. For rates, the ratio is ours over the anchor's and must reach <see cref="Target"/>; for
/// latencies (<see cref="MaxOurs"/> set) the ratio is how many times faster we are, and ours must stay under the limit;
/// for costs (<see cref="MaxRatio"/> set) the ratio is ours over the anchor's and must stay at or under that.
/// </summary>
internal sealed record ScenarioResult(string Scenario, string Database, double Ours, double Anchor, string Unit, double Target, string Note)
{
    public double? MaxOurs { get; init; }
    public double? MaxRatio { get; init; }
    public double Ratio => Anchor == 0 || Ours == 0 ? 0 : MaxOurs is null ? Ours / Anchor : Anchor / Ours;
    public bool Passed => MaxOurs is { } limit ? Ours <= limit : MaxRatio is { } most ? Ratio <= most : Ratio >= Target;
}
