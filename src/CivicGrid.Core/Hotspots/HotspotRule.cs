namespace CivicGrid.Core.Hotspots;

/// <summary>
/// What makes a hotspot (热点, found before residents call: 未诉先办): at least <see cref="MinCases"/> cases of one item
/// within <see cref="RadiusMetres"/> of each other in the last <see cref="WindowDays"/> days.
/// </summary>
public sealed record HotspotRule(int MinCases = 5, double RadiusMetres = 300, int WindowDays = 30)
{
    public IReadOnlyList<string> Refusals()
    {
        var refusals = new List<string>();
        if (MinCases is < 2 or > 1000)
        {
            refusals.Add("热点的最少诉求数应在 2 到 1000 之间");
        }
        if (!double.IsFinite(RadiusMetres) || RadiusMetres is < 10 or > 5000)
        {
            refusals.Add("热点的半径应在 10 到 5000 米之间");
        }
        if (WindowDays is < 1 or > 366)
        {
            refusals.Add("热点的统计天数应在 1 到 366 天之间");
        }
        return refusals;
    }
}

/// <summary>One case as the finder reads it: what it is about, where and when.</summary>
public readonly record struct LocatedCase(int Id, string ItemCode, string GridCode, double Latitude, double Longitude, DateTime ReceivedAt);

/// <summary>
/// A cluster of cases of one item: the cases, their centre, the farthest case from it, the first and last received,
/// and the grid most of them are in, whose worker or community gets the proactive task.
/// </summary>
public sealed record Hotspot(string ItemCode, IReadOnlyList<int> CaseIds, double Latitude, double Longitude, double SpreadMetres,
    DateTime FirstAt, DateTime LastAt, string GridCode);
