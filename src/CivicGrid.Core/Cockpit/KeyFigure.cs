namespace CivicGrid.Core.Cockpit;

/// <summary>A key figure of the district cockpit (驾驶舱): one month's value beside the month before's.</summary>
public sealed record KeyFigure(string Key, string Name, double? Current, double? Previous, bool IsRate)
{
    /// <summary>
    /// The change on the month before (环比): percentage points for a rate, a share of the month before for a count;
    /// null when either month has no figure, or a count's month before was zero.
    /// </summary>
    public double? Change => (Current, Previous) switch
    {
        ({ } now, { } before) when IsRate => now - before,
        ({ } now, { } before) when before != 0 => (now - before) / before,
        _ => null,
    };
}
