namespace CivicGrid.Core.Assessment;

/// <summary>The kind of unit a scheme rates.</summary>
public enum AssessedLevel
{
    Community,
    Village,
    Street,
}

/// <summary>A rating colour (三色). Which colour means what is the scheme's: each has its own lowest score.</summary>
public enum RatingColour
{
    Red,
    Yellow,
    Green,
}

/// <summary>
/// One indicator in a scheme: its weight (points out of 100) and the figure that earns nothing (<see cref="Floor"/>)
/// and the one that earns the whole weight (<see cref="Target"/>), linear between. For an indicator where less is
/// better the floor is above the target.
/// </summary>
public sealed record SchemeItem(string IndicatorKey, decimal Weight, decimal Floor, decimal Target);

/// <summary>The lowest score that earns a colour.</summary>
public sealed record ColourBand(RatingColour Colour, decimal MinScore);

/// <summary>
/// An assessment scheme (考核方案): what it rates, the indicators with their weights and scales, the lowest score for
/// two to five stars (one star below that), the colour bands, and how many units the honour list (红榜) and the
/// black list (黑榜) name. A published version is what counts; an edit is a new version.
/// </summary>
public sealed record AssessmentScheme(
    string Name,
    AssessedLevel Level,
    IReadOnlyList<SchemeItem> Items,
    IReadOnlyList<decimal> StarMinimums,
    IReadOnlyList<ColourBand> Colours,
    int HonourListSize = 3,
    int BlackListSize = 3)
{
    public const decimal TotalWeight = 100;
    public const decimal MaxAdjustment = 20;
}

/// <summary>A bonus or penalty recorded by hand (加减分): never without a reason; evidence names what proves it.</summary>
public sealed record Adjustment(string UnitCode, decimal Points, string Reason, string? Evidence = null);
