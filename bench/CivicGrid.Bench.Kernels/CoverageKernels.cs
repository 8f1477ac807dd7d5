using BenchmarkDotNet.Attributes;
using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.Bench.Kernels;

/// <summary>Walking coverage for 50,000 households and three facility types over a district-sized box.</summary>
[MemoryDiagnoser]
public class CoverageKernels
{
    private CoverageFacility[] _facilities = [];
    private CoverageHousehold[] _households = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        double Lat() => 30.28 + random.NextDouble() * 0.08;
        double Lon() => 120.10 + random.NextDouble() * 0.09;
        _facilities = Enumerable.Range(0, 330).Select(i => new CoverageFacility(i % 3, Lat(), Lon(), 200)).ToArray();
        _households = Enumerable.Range(0, 50_000).Select(i => new CoverageHousehold(i % 150, Lat(), Lon())).ToArray();
    }

    [Benchmark(Description = "50,000 households × 3 types")]
    public CoverageResult Compute() => WalkingCoverage.Compute(_facilities, _households, 3, 150);
}
