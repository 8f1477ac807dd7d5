using BenchmarkDotNet.Attributes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;

namespace CivicGrid.Bench.Kernels;

/// <summary>The checks every imported row goes through: ID number, unified credit code, phone.</summary>
public class ValidatorKernels
{
    private readonly string _id = IdNumber.Compose("330105", new DateOnly(1980, 5, 17), 123, Gender.Male);

    [Benchmark(Description = "ID number (GB 11643)")]
    public bool Id() => IdNumber.TryParse(_id, out _, out _);

    [Benchmark(Description = "credit code (GB 32100)")]
    public bool Credit() => CreditCode.IsValid("91330105MA2KXXXX0X");

    [Benchmark(Description = "mobile phone")]
    public bool Phone() => PhoneNumber.TryNormalise("138 0013 8000", out _, out _);
}
