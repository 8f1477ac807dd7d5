namespace CivicGrid.Core.Assessment;

/// <summary>Whether an indicator is a share (0 to 1, a numerator over a denominator) or a plain count.</summary>
public enum IndicatorKind
{
    Rate,
    Count,
}

/// <summary>
/// One figure an assessment may use (指标), defined once: its key, its Chinese name, whether it is a rate or a count,
/// and whether more is better. Its formula is in docs/INDICATORS.md; the value per unit and period comes from the
/// module that owns it.
/// </summary>
public sealed record IndicatorDefinition(string Key, string Name, IndicatorKind Kind, bool HigherIsBetter, string Domain);

/// <summary>An indicator's value for one unit and period, with the counts it is made of when it is a rate.</summary>
/// <param name="Value">Null when a rate has nothing to count (a zero denominator).</param>
public sealed record Figure(decimal? Value, long? Numerator = null, long? Denominator = null)
{
    public static Figure Rate(long numerator, long denominator) =>
        new(denominator == 0 ? null : (decimal)numerator / denominator, numerator, denominator);

    public static Figure Count(long count) => new(count, count);
}
