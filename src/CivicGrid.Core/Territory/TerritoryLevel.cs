namespace CivicGrid.Core.Territory;

/// <summary>A level of the territorial tree: 区 district, 街道 street, 社区 community, 网格 grid.</summary>
public enum TerritoryLevel
{
    District = 0,
    Street = 1,
    Community = 2,
    Grid = 3,
}
