namespace CivicGrid.Core.Activities.Teams;

/// <summary>The skill lists each think-tank group starts with in a community; staff may change them.</summary>
public static class ThinkTankTeams
{
    public static string DefaultSkills(string groupName) => groupName switch
    {
        "邻里帮帮团" => "调解、助老、照护、外语",
        "质量监督团" => "工程监理、财务、物业管理",
        "应急突击队" => "急救、消防、水电维修、驾驶",
        "职能联动团" => "城管、市场监管、公安、住建",
        "专家咨询团" => "法律、规划、医疗、心理、建筑",
        _ => "",
    };
}
