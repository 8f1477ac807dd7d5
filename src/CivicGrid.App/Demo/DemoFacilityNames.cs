namespace CivicGrid.App.Demo;

/// <summary>How the demo names its facilities, when they open and who runs them.</summary>
internal static class DemoFacilityNames
{
    private static readonly string[] CareCompanies = ["颐乐", "康寿", "福缘", "安馨", "乐龄"];
    private static readonly string[] Kitchens = ["运河", "知味", "邻里", "禾丰", "长乐"];
    private static readonly string[] Nurseries = ["小橙", "禾苗", "童趣", "贝乐", "星芽"];

    /// <summary>"德胜社区阳光老人家", a second one "德胜社区阳光老人家2号点"; "社区食堂" is not doubled to "社区社区食堂".</summary>
    public static string Name(string community, string typeName, int nth)
    {
        var name = community.EndsWith("社区", StringComparison.Ordinal) && typeName.StartsWith("社区", StringComparison.Ordinal)
            ? community + typeName[2..]
            : community + typeName;
        return nth == 1 ? name : $"{name}{nth}号点";
    }

    public static bool InOfficeBuildings(string typeCode) => typeCode == "talent";

    public static string OpeningHours(string typeCode) => typeCode switch
    {
        "elderly" => "周一至周日 08:00-17:00",
        "children" => "周二至周日 09:00-17:00",
        "canteen" => "每日 10:30-13:00，16:30-18:30",
        "health" => "周一至周六 08:00-17:00",
        "childcare" => "周一至周五 07:30-18:00",
        "centre" => "周一至周日 08:30-20:30",
        "courier" => "全天开放",
        "sports" => "每日 06:00-22:00",
        _ => "周一至周五 09:00-18:00",
    };

    public static string Operator(string typeCode, FacilitySite site, Random random) => typeCode switch
    {
        "elderly" => $"杭州{Pick(CareCompanies, random)}养老服务有限公司",
        "children" => $"{site.Street}妇女联合会",
        "canteen" => $"杭州{Pick(Kitchens, random)}餐饮管理有限公司",
        "health" => $"{site.Street}社区卫生服务中心",
        "childcare" => $"杭州{Pick(Nurseries, random)}托育服务有限公司",
        "courier" => $"{site.Street}党工委",
        "talent" => "拱墅区人才服务中心",
        "sports" => $"{site.Street}文体中心",
        _ => $"{site.Community}居民委员会",
    };

    private static string Pick(string[] names, Random random) => names[random.Next(names.Length)];
}
