using CivicGrid.Core.Territory;

namespace CivicGrid.App.Territory;

public static class TerritoryLevelNames
{
    public static string ChineseName(this TerritoryLevel level) => level switch
    {
        TerritoryLevel.District => "区",
        TerritoryLevel.Street => "街道",
        TerritoryLevel.Community => "社区",
        _ => "网格",
    };
}
