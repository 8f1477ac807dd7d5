namespace CivicGrid.Core.Territory;

/// <summary>A place in the territorial tree (区/街道/社区/网格), keyed by its nesting code.</summary>
public sealed class TerritoryNode
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TerritoryLevel Level { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>The boundary as a GeoJSON Polygon or MultiPolygon geometry.</summary>
    public string? Boundary { get; set; }
    public double? CentreLatitude { get; set; }
    public double? CentreLongitude { get; set; }
}
