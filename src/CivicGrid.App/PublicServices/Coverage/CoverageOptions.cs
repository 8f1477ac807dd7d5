using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>The walking model and the gap threshold, from the configuration section "Coverage".</summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    /// <summary>How much longer the walk is than the straight line, for the street pattern.</summary>
    public double DetourFactor { get; set; } = 1.25;

    /// <summary>Walking speed in metres per minute.</summary>
    public double MetresPerMinute { get; set; } = 80;

    /// <summary>A grid has a gap for a type when fewer than this share (0–1) of its households are within 15 minutes.</summary>
    public double GapThreshold { get; set; } = 0.8;

    public WalkingModel Walking() => new(DetourFactor, MetresPerMinute);
}
