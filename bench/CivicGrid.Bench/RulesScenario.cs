using System.Diagnostics;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Bench;

/// <summary>
/// Thirty eligibility rules over a district held in memory (1.2 M residents in about 500 k households, 50 k with
/// --quick), generated rather than read from a bench database so the scenario needs no engine and measures the rules
/// alone. Compiling, evaluating every rule for every resident on both cores, and re-evaluating one resident, beside
/// Microsoft RulesEngine (the same rules as lambdas over the same facts) and DuckDB (the same facts as one in-memory
/// table, all rules counted in one scan). The anchors get the same day thresholds our compiler folds.
/// </summary>
internal static class RulesScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options)
    {
        var count = options.Quick ? 10_000 : 1_200_000;
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var context = new RuleContext(today, Tag.Defaults.Select((t, i) => (t.Name, Id: i + 1)).ToDictionary(t => t.Name, t => t.Id));
        var watch = Stopwatch.StartNew();
        var district = RulesPopulation.Generate(count, today, context.TagIds);
        var facts = district.Facts;
        Console.WriteLine($"[rules] {facts.Length:N0} residents, {district.Households:N0} households, generated in {watch.Elapsed.TotalSeconds:F1} s");

        var coldCompile = Milliseconds(() => CompileAll(context));
        var compile = Median(7, () => CompileAll(context));
        var rules = CompileAll(context);
        var lambdas = rules.Select(r => new AnchorRules(context, AnchorSyntax.Lambda).Write(r.Rule.Root)).ToList();
        var conditions = rules.Select(r => new AnchorRules(context, AnchorSyntax.DuckDb).Write(r.Rule.Root)).ToList();
        var predicates = rules.Select(r => r.Matches).ToArray();
        Console.WriteLine($"[rules] compile 30 rules: {compile:F2} ms warm, {coldCompile:F1} ms on first use");

        long[] ours = [];
        var evaluate = Median(5, () => ours = CountAll(predicates, facts));
        var perEvaluation = evaluate * 1e6 * 2 / (facts.Length * (double)predicates.Length);
        var simple = Median(5, () => CountOne(predicates[1], facts)) * 1e6 / facts.Length;
        Console.WriteLine($"[rules] 30 rules × {facts.Length:N0} residents on 2 cores: {evaluate:F1} ms, {perEvaluation:F1} ns per rule and resident on one core; '{RulesCatalogue.Rules[1].Text}' alone {simple:F1} ns ({1e3 / simple:F0} M/s on one core)");

        var results = new List<ScenarioResult>();
        var engineSetup = 0.0;
        RulesEngineAnchor? engine = null;
        engineSetup = Milliseconds(() =>
        {
            engine = new RulesEngineAnchor(lambdas);
            engine.Evaluate(facts[0]);
        });
        results.Add(new ScenarioResult("rules: compile 30", "RulesEngine", compile, engineSetup, "ms", 1,
            $"parse, check and compile; first use {coldCompile:F0} ms incl. JIT; anchor RulesEngine's set-up and first run (compiles its lambdas)") { MaxOurs = 50 });

        using (var duck = new DuckDbAnchor(facts))
        {
            long[] counted = [];
            duck.Count(conditions);
            var scan = Median(3, () => counted = duck.Count(conditions));
            var agree = counted.SequenceEqual(ours);
            Console.WriteLine($"[rules] DuckDB one scan for 30 counts: {scan:F1} ms; counts {(agree ? "agree" : "DIFFER")}");
            results.Add(new ScenarioResult($"rules: 30 × {Short(facts.Length)} residents", "DuckDB", evaluate, scan, "ms", 1,
                $"Parallel.For over chunks, 2 cores, {perEvaluation:F1} ns per rule and resident per core, {1e3 / simple:F0} M/s for one simple rule on one core; anchor DuckDB COUNT(*) FILTER per rule in one scan, 2 threads, load not timed; counts {(agree ? "agree" : "DIFFER")}") { MaxOurs = 500 });

            var (sampled, engineRate, engineAgree) = EngineSample(engine!, predicates, facts, options.Quick ? 2_000 : 20_000);
            results.Add(new ScenarioResult($"rules: 30 × {Short(facts.Length)} residents", "RulesEngine", evaluate, facts.Length / engineRate * 1000, "ms", 1,
                $"anchor extrapolated from {sampled:N0} residents on 2 cores ({engineRate:N0} residents/s); matches {(engineAgree ? "agree" : "DIFFER")}") { MaxOurs = 500 });

            var random = new Random(3);
            var one = MedianMicros(options.Quick ? 20_000 : 100_000, () => EvaluateOne(predicates, facts[random.Next(facts.Length)]));
            var engineOne = MedianMicros(2_000, () => engine!.Evaluate(facts[random.Next(facts.Length)]));
            var duckOne = MedianMicros(200, () => duck.Evaluate(conditions, facts[random.Next(facts.Length)].ResidentId));
            Console.WriteLine($"[rules] one resident, 30 rules: ours {one:F3} µs, RulesEngine {engineOne:F1} µs, DuckDB {duckOne:F1} µs");
            results.Add(new ScenarioResult("rules: one resident × 30", "RulesEngine", one, engineOne, "µs", 1, "median; ours the 30 compiled delegates") { MaxOurs = 10 });
            results.Add(new ScenarioResult("rules: one resident × 30", "DuckDB", one, duckOne, "µs", 1, "median; anchor a point query by id with the 30 conditions") { MaxOurs = 10 });
        }
        foreach (var kind in options.Databases)
        {
            results.Add(await RulesFactsLoad.RunAsync(options, kind, district, context, predicates, ours));
        }
        return results;
    }

    private static CompiledRule[] CompileAll(RuleContext context) =>
        [.. RulesCatalogue.Rules.Select(r =>
        {
            var parsed = RuleParser.Parse(r.Text, context);
            return parsed.Succeeded ? RuleCompiler.Compile(parsed.Rule, context) : throw new InvalidOperationException($"{r.Name}: {string.Join("; ", parsed.Errors)}");
        })];

    /// <summary>Chunks of residents go to both cores; each chunk counts into its own row and the rows are summed.</summary>
    private static long[] CountAll(ResidentPredicate[] predicates, ResidentFacts[] facts)
    {
        const int chunk = 16_384;
        var chunks = (facts.Length + chunk - 1) / chunk;
        var partial = new long[chunks, predicates.Length];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var end = Math.Min(facts.Length, (c + 1) * chunk);
            for (var r = 0; r < predicates.Length; r++)
            {
                var predicate = predicates[r];
                var n = 0;
                for (var i = c * chunk; i < end; i++)
                {
                    if (predicate(in facts[i]))
                    {
                        n++;
                    }
                }
                partial[c, r] = n;
            }
        });
        var totals = new long[predicates.Length];
        for (var c = 0; c < chunks; c++)
        {
            for (var r = 0; r < predicates.Length; r++)
            {
                totals[r] += partial[c, r];
            }
        }
        return totals;
    }

    private static int CountOne(ResidentPredicate predicate, ResidentFacts[] facts)
    {
        var n = 0;
        for (var i = 0; i < facts.Length; i++)
        {
            n += predicate(in facts[i]) ? 1 : 0;
        }
        return n;
    }

    private static ulong EvaluateOne(ResidentPredicate[] predicates, in ResidentFacts facts)
    {
        ulong matched = 0;
        for (var i = 0; i < predicates.Length; i++)
        {
            matched |= predicates[i](in facts) ? 1UL << i : 0;
        }
        return matched;
    }

    private static (int Sampled, double Rate, bool Agree) EngineSample(RulesEngineAnchor engine, ResidentPredicate[] predicates, ResidentFacts[] facts, int size)
    {
        var step = facts.Length / size;
        var sample = Enumerable.Range(0, size).Select(i => facts[i * step]).ToArray();
        var matched = new ulong[size];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => matched[i] = engine.Evaluate(sample[i]));
        var rate = size / watch.Elapsed.TotalSeconds;
        var agree = sample.Select((f, i) => EvaluateOne(predicates, f) == matched[i]).All(x => x);
        return (size, rate, agree);
    }

    private static double Milliseconds(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(int times, Action work)
    {
        var samples = Enumerable.Range(0, times).Select(_ => Milliseconds(work)).Order().ToList();
        return samples[samples.Count / 2];
    }

    private static double MedianMicros(int times, Func<ulong> work)
    {
        var samples = new double[times];
        ulong sink = 0;
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink ^= work();
            samples[i] = (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency;
        }
        GC.KeepAlive(sink);
        Array.Sort(samples);
        return samples[times / 2];
    }

    private static string Short(int residents) => residents >= 1_000_000 ? $"{residents / 1e6:0.#} M" : $"{residents / 1000} k";
}
