using BenchmarkDotNet.Attributes;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Bench.Kernels;

/// <summary>The rule language's hot paths: checking and compiling a rule, and evaluating compiled rules.</summary>
[MemoryDiagnoser]
public class RuleKernels
{
    private static readonly string[] Texts =
    [
        "age >= 80 and residence = '户籍'",
        "age >= 60 and lives_alone",
        "age < 3 and household.has_tag('双职工')",
        "residence = '流动' and months_resident >= 6",
        "(gender = '男' and age >= 60) or (gender = '女' and age >= 55)",
        "has_tag('残疾') or has_tag('失能')",
    ];

    private readonly RuleContext _context = new(new DateOnly(2026, 11, 23), new Dictionary<string, int> { ["双职工"] = 1, ["残疾"] = 2, ["失能"] = 3 });
    private CompiledRule[] _rules = [];
    private ResidentFacts[] _residents = [];

    [GlobalSetup]
    public void Setup()
    {
        _rules = Texts.Select(t => RuleCompiler.Compile(RuleParser.Parse(t, _context).Rule!, _context)).ToArray();
        var random = new Random(7);
        _residents = Enumerable.Range(1, 100_000).Select(i => Resident(i, random)).ToArray();
    }

    [Benchmark(Description = "parse, check and compile one rule")]
    public CompiledRule Compile() => RuleCompiler.Compile(RuleParser.Parse(Texts[4], _context).Rule!, _context);

    [Benchmark(Description = "six rules, one resident")]
    public int OneResident()
    {
        var matched = 0;
        ref readonly var resident = ref _residents[42];
        foreach (var rule in _rules)
        {
            matched += rule.Matches(in resident) ? 1 : 0;
        }
        return matched;
    }

    [Benchmark(Description = "one rule, 100,000 residents", OperationsPerInvoke = 100_000)]
    public int Population()
    {
        var matched = 0;
        var rule = _rules[0].Matches;
        foreach (ref readonly var resident in _residents.AsSpan())
        {
            matched += rule(in resident) ? 1 : 0;
        }
        return matched;
    }

    private static ResidentFacts Resident(int id, Random random)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 34_000)).DayNumber;
        var tags = (ulong)random.Next(0, 8);
        return new ResidentFacts(id, birth, (Gender)random.Next(2), (ResidenceType)random.Next(3), HouseholdRelation.Head,
            birth + random.Next(0, 9_000), "330105001001001", tags, tags, random.Next(1, 5), birth, birth);
    }
}
