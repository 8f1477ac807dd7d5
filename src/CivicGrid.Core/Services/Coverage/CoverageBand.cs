namespace CivicGrid.Core.Services.Coverage;

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
/// </summary>
public readonly struct CoverageBands
{
    public const int Count = 4;
    public const double ToleranceMetres = 0.001;

    private readonly double _five, _ten, _fifteen;

    public CoverageBands(WalkingModel walking)
    {
        _five = walking.StraightLineMetres(5) + ToleranceMetres;
        _ten = walking.StraightLineMetres(10) + ToleranceMetres;
        _fifteen = walking.StraightLineMetres(15) + ToleranceMetres;
    }

    /// <summary>The farthest straight-line distance still inside a band: the search radius for the outermost.</summary>
    public double Reach => _fifteen;

    public CoverageBand Of(double straightLineMetres) =>
        straightLineMetres <= _five ? CoverageBand.WithinFive
        : straightLineMetres <= _ten ? CoverageBand.WithinTen
        : straightLineMetres <= _fifteen ? CoverageBand.WithinFifteen
        : CoverageBand.Beyond;
}
