using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Cockpit;

/// <summary>An area's colour on the cockpit's map (三色): green, yellow, red, or none without figures.</summary>
public enum AreaColour
{
    None,
    Green,
    Yellow,
    Red,
}

/// <summary>
/// The case loop's score of an area for a month while no assessment review is published: the mean of its three rates
/// (三率: response, resolution, satisfaction) out of 100, coloured as the example scheme colours a total (green from 80,
/// yellow from 60, red below). A rate without a denominator is left out of the mean; an area with none has no score.
/// </summary>
public static class CaseLoopScore
{
    public const double Green = 80;
    public const double Yellow = 60;

    public static double? Of(Indicators rates)
    {
        double?[] three = [rates.ResponseRate, rates.ResolutionRate, rates.SatisfactionRate];
        var known = three.OfType<double>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average() * 100, 1);
    }

    public static AreaColour Colour(double? score) => score switch
    {
        null => AreaColour.None,
        >= Green => AreaColour.Green,
        >= Yellow => AreaColour.Yellow,
        _ => AreaColour.Red,
    };
}
