namespace CivicGrid.Core.Assessment;

/// <summary>How one indicator earned its points: the figure, the scale and the points, with a note when it was not measured.</summary>
public sealed record IndicatorLine(string Key, string Name, Figure Figure, decimal Weight, decimal Floor, decimal Target, decimal Points, string? Note);

/// <summary>
/// One unit's result: the total, its stars and colour, and every line it is the sum of. The lines and adjustments add
/// up to the total exactly (before the floor at zero), so a score can always be explained.
/// </summary>
public sealed record UnitScore(string UnitCode, decimal Total, int Stars, RatingColour Colour, IReadOnlyList<IndicatorLine> Lines, IReadOnlyList<Adjustment> Adjustments);

/// <summary>Scores a unit under a scheme (计分): linear between each indicator's floor and target, then the adjustments.</summary>
public static class ScoreSheet
{
    public const string NotMeasured = "本期无应计数据，按满分计";

    public static UnitScore Score(AssessmentScheme scheme, string unitCode, IReadOnlyDictionary<string, Figure> figures, IEnumerable<Adjustment> adjustments)
    {
        var lines = scheme.Items.Select(item => Line(item, figures)).ToList();
        var own = adjustments.Where(a => a.UnitCode == unitCode).ToList();
        var total = Math.Max(0, lines.Sum(l => l.Points) + own.Sum(a => a.Points));
        return new UnitScore(unitCode, total, Stars(scheme, total), Colour(scheme, total), lines, own);
    }

    public static int Stars(AssessmentScheme scheme, decimal total) => 1 + scheme.StarMinimums.Count(m => total >= m);

    public static RatingColour Colour(AssessmentScheme scheme, decimal total) =>
        scheme.Colours.Where(c => total >= c.MinScore).MaxBy(c => c.MinScore)?.Colour ?? scheme.Colours.MinBy(c => c.MinScore)!.Colour;

    private static IndicatorLine Line(SchemeItem item, IReadOnlyDictionary<string, Figure> figures)
    {
        var indicator = IndicatorCatalogue.Find(item.IndicatorKey) ?? throw new ArgumentException($"Unknown indicator {item.IndicatorKey}.", nameof(item));
        if (!figures.TryGetValue(item.IndicatorKey, out var figure))
        {
            throw new ArgumentException($"No figure for {item.IndicatorKey}.", nameof(figures));
        }
        if (figure.Value is not { } value)
        {
            return new IndicatorLine(item.IndicatorKey, indicator.Name, figure, item.Weight, item.Floor, item.Target, item.Weight, NotMeasured);
        }
        var share = Math.Clamp((value - item.Floor) / (item.Target - item.Floor), 0, 1);
        var points = Math.Round(item.Weight * share, 2, MidpointRounding.AwayFromZero);
        return new IndicatorLine(item.IndicatorKey, indicator.Name, figure, item.Weight, item.Floor, item.Target, points, null);
    }
}
