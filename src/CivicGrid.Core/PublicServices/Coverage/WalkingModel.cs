namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>
/// How far a resident walks (步行可达) in a given time: the walk is the straight line stretched by a detour factor for
/// the street pattern, at a steady speed. The defaults, 1.25 and 80 m/min, put 15 minutes at 960 m in a straight line,
/// within the planning rule's 800–1,000 m.
/// </summary>
public sealed record WalkingModel(double DetourFactor = 1.25, double MetresPerMinute = 80)
{
    public static WalkingModel Default { get; } = new();

    public double DetourFactor { get; init; } = DetourFactor >= 1 && double.IsFinite(DetourFactor)
        ? DetourFactor
        : throw new ArgumentOutOfRangeException(nameof(DetourFactor), "A walk is never shorter than the straight line.");

    public double MetresPerMinute { get; init; } = MetresPerMinute > 0 && double.IsFinite(MetresPerMinute)
        ? MetresPerMinute
        : throw new ArgumentOutOfRangeException(nameof(MetresPerMinute));

    public double WalkingMetres(double straightLineMetres) => straightLineMetres * DetourFactor;

    public double Minutes(double straightLineMetres) => WalkingMetres(straightLineMetres) / MetresPerMinute;

    /// <summary>The straight-line reach of a walk of <paramref name="minutes"/>.</summary>
    public double StraightLineMetres(double minutes) => minutes * MetresPerMinute / DetourFactor;

    public CoverageBands Bands() => new(this);
}
