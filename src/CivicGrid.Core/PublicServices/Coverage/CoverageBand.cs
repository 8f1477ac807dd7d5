namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>How long the walk to the nearest facility of a type takes, in the 5 / 10 / 15-minute steps of the rule.</summary>
public enum CoverageBand : byte
{
    WithinFive = 0,
    WithinTen = 1,
    WithinFifteen = 2,
    Beyond = 3,
}

/// <summary>
/// The straight-line limits of the bands under one walking model. A limit includes its boundary and a millimetre
/// beyond it, so that a household placed exactly on the boundary by degree arithmetic is not lost to rounding.
/// Distances are compared squared, as the spatial search measures them.
/// </summary>
public readonly struct CoverageBands
{
    public const int Count = 4;
    public const double ToleranceMetres = 0.001;

    private readonly double[] _squaredLimits;

    public CoverageBands(WalkingModel walking)
    {
        _squaredLimits = [.. new[] { 5.0, 10, 15 }.Select(minutes => Math.Pow(walking.StraightLineMetres(minutes) + ToleranceMetres, 2))];
        Reach = walking.StraightLineMetres(15) + ToleranceMetres;
    }

    /// <summary>The farthest straight-line distance still inside a band: the search radius for the outermost.</summary>
    public double Reach { get; }

    /// <summary>The squared limits of the three bands within reach, nearest first.</summary>
    public ReadOnlySpan<double> SquaredLimits => _squaredLimits;

    public CoverageBand Of(double straightLineMetres) => OfSquared(straightLineMetres * straightLineMetres);

    public CoverageBand OfSquared(double squaredMetres)
    {
        var band = 0;
        while (band < _squaredLimits.Length && squaredMetres > _squaredLimits[band])
        {
            band++;
        }
        return (CoverageBand)band;
    }
}
