using CivicGrid.App.Access;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>The node a target list is drawn for, and the level its rows break down into.</summary>
public sealed record TargetScope(string NodeCode, int RowCodeLength)
{
    /// <summary>The requested node if the caller covers it (their own node otherwise); rows one level further down, grids at the bottom.</summary>
    public static TargetScope? For(IJurisdiction jurisdiction, string? nodeCode)
    {
        var node = string.IsNullOrEmpty(nodeCode) ? jurisdiction.ScopeCode : nodeCode;
        if (!jurisdiction.Covers(node) || (node.Length > 0 && !TerritoryCode.IsValid(node)))
        {
            return null;
        }
        var level = node.Length == 0 ? TerritoryLevel.District : TerritoryCode.LevelOf(node);
        var rows = level == TerritoryLevel.Grid ? TerritoryLevel.Grid : level + 1;
        return new TargetScope(node, TerritoryCode.LengthOf(rows));
    }
}
