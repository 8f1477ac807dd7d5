namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>
/// How well a building's firms are visited (覆盖分档), as the map colours it: green from 90 %, amber from 50 %, red
/// below; a building with no firms has nothing to cover.
/// </summary>
public enum CoverageBand
{
    Good,
    Partial,
    Poor,
    NoFirms,
}

public static class CoverageBands
{
    /// <summary>Compared in whole numbers, so 9 of 10 is good and 1 of 2 partial, with no rounding at the edges.</summary>
    public static CoverageBand Of(SweepCoverage coverage) => coverage.Enterprises == 0 ? CoverageBand.NoFirms
        : coverage.Covered * 10 >= coverage.Enterprises * 9 ? CoverageBand.Good
        : coverage.Covered * 2 >= coverage.Enterprises ? CoverageBand.Partial
        : CoverageBand.Poor;
}
