namespace CivicGrid.Core.Cases;

/// <summary>The tier that owns a case (处置层级). Escalation climbs grid → community → street → district.</summary>
public enum HandlingLevel
{
    Grid,
    Community,
    Street,
    District,
}

public static class HandlingLevels
{
    public static string ChineseName(this HandlingLevel level) => level switch
    {
        HandlingLevel.Grid => "网格",
        HandlingLevel.Community => "社区",
        HandlingLevel.Street => "街道",
        _ => "区级",
    };

    /// <summary>The length of the territory code that owns a case at this level (6 district, +3 street, +3 community, +3 grid).</summary>
    public static int CodeLength(this HandlingLevel level) => level switch
    {
        HandlingLevel.Grid => 15,
        HandlingLevel.Community => 12,
        HandlingLevel.Street => 9,
        _ => 6,
    };

    public static HandlingLevel? Next(this HandlingLevel level) => level == HandlingLevel.District ? null : level + 1;

    /// <summary>The node of the tree that owns a case in <paramref name="gridCode"/> at this level.</summary>
    public static string OwnerCode(this HandlingLevel level, string gridCode) => gridCode[..Math.Min(gridCode.Length, level.CodeLength())];
}
