namespace CivicGrid.Core.Cases;

/// <summary>
/// The seeded deliberation list: ten categories, thirty-three items, after the reports' "一单五团一闭环" model, and the
/// blockers of major projects (重大项目, 1001–1007, one per blocker type). Staff edit it as data; this is only the starting point.
/// </summary>
public static class DeliberationList
{
    private static readonly AttributeValue[] TimesOfDay = [new("day", "白天"), new("evening", "晚间（22 点前）"), new("night", "深夜（22 点后）")];
    private static readonly AttributeValue[] Sizes = [new("small", "小于 1 平方米"), new("medium", "1–5 平方米"), new("large", "大于 5 平方米")];

    public static IReadOnlyList<DeliberationItem> Items() =>
    [
        Item("0101", "睦邻关系", "邻里纠纷", DefaultHandling.Grid, 3, deliberate: true),
        Item("0102", "睦邻关系", "噪音扰民", DefaultHandling.Grid, 3, attributes: [new("when", "噪音出现的时段", AttributeType.SingleValueList, true, TimesOfDay)]),
        Item("0103", "睦邻关系", "宠物管理", DefaultHandling.Grid, 3, deliberate: true),
        Item("0201", "平安建设", "治安隐患", DefaultHandling.Department, 5, department: "GA"),
        Item("0202", "平安建设", "消防通道堵塞", DefaultHandling.Community, 1, responseHours: 1),
        Item("0203", "平安建设", "电动车违规充电", DefaultHandling.Grid, 2),
        Item("0204", "平安建设", "高空抛物", DefaultHandling.Grid, 3, deliberate: true),
        Item("0301", "公共事务", "公共收益使用", DefaultHandling.Community, 10, deliberate: true),
        Item("0302", "公共事务", "老旧小区加装电梯", DefaultHandling.Community, 15, deliberate: true),
        Item("0303", "公共事务", "停车管理", DefaultHandling.Community, 10, deliberate: true),
        Item("0401", "环境卫生", "垃圾分类与清运", DefaultHandling.Grid, 2),
        Item("0402", "环境卫生", "绿化养护", DefaultHandling.Community, 5, deliberate: true),
        Item("0403", "环境卫生", "下水道堵塞", DefaultHandling.Department, 3, department: "ZJ"),
        Item("0501", "市政设施", "道路破损", DefaultHandling.Department, 10, department: "CG", attributes: [new("size", "破损面积", AttributeType.SingleValueList, true, Sizes)]),
        Item("0502", "市政设施", "路灯故障", DefaultHandling.Department, 5, department: "CG"),
        Item("0503", "市政设施", "井盖缺失", DefaultHandling.Department, 1, responseHours: 1, department: "CG"),
        Item("0504", "市政设施", "违章搭建", DefaultHandling.Department, 15, department: "CG"),
        Item("0601", "物业服务", "物业服务质量", DefaultHandling.Community, 10, deliberate: true),
        Item("0602", "物业服务", "房屋漏水", DefaultHandling.Grid, 5),
        Private(Item("0701", "民生服务", "养老服务需求", DefaultHandling.Community, 5)),
        Private(Item("0702", "民生服务", "助残帮扶", DefaultHandling.Community, 5)),
        Private(Item("0703", "民生服务", "困难救助", DefaultHandling.Street, 10)),
        Item("0801", "文体活动", "文体活动场地", DefaultHandling.Community, 10, deliberate: true),
        Item("0802", "文体活动", "志愿服务需求", DefaultHandling.Grid, 5),
        Item("0901", "企业服务", "涉企诉求", DefaultHandling.Street, 5),
        Item("0902", "企业服务", "营商环境建议", DefaultHandling.Street, 10, deliberate: true),
        .. ProjectBlockers(),
    ];

    /// <summary>
    /// A major project's blockers (堵点), dispatched to the department that can remove each kind; utilities and whatever
    /// fits no department are the district's to coordinate. Not on the public map: they concern an investor's project.
    /// </summary>
    public static IReadOnlyList<DeliberationItem> ProjectBlockers() =>
    [
        Private(Item("1001", ProjectCategory, "用地堵点", DefaultHandling.Department, 20, department: "GT")),
        Private(Item("1002", ProjectCategory, "手续审批堵点", DefaultHandling.Department, 10, department: "FG")),
        Private(Item("1003", ProjectCategory, "政策堵点", DefaultHandling.Department, 10, department: "FG")),
        Private(Item("1004", ProjectCategory, "融资堵点", DefaultHandling.Department, 15, department: "JR")),
        Private(Item("1005", ProjectCategory, "水电气配套堵点", DefaultHandling.Department, 15, department: "ZJ")),
        Private(Item("1006", ProjectCategory, "征迁堵点", DefaultHandling.Department, 30, department: "ZS")),
        Private(Item("1007", ProjectCategory, "其他堵点", DefaultHandling.Department, 10, department: "XM")),
    ];

    /// <summary>The category of the major projects' blockers.</summary>
    public const string ProjectCategory = "重大项目";

    /// <summary>The departments the seeded list dispatches to.</summary>
    public static IReadOnlyList<Department> Departments() =>
    [
        new() { Code = "CG", Name = "区城市管理局" },
        new() { Code = "ZJ", Name = "区住房和城乡建设局" },
        new() { Code = "GA", Name = "公安分局" },
        new() { Code = "SJ", Name = "区市场监督管理局" },
        new() { Code = "HB", Name = "生态环境分局" },
        new() { Code = "MZ", Name = "区民政局" },
        new() { Code = "WJ", Name = "区卫生健康局" },
        .. ProjectDepartments(),
    ];

    /// <summary>The departments that remove major projects' blockers.</summary>
    public static IReadOnlyList<Department> ProjectDepartments() =>
    [
        new() { Code = "GT", Name = "区规划和自然资源分局" },
        new() { Code = "FG", Name = "区发改经信局" },
        new() { Code = "JR", Name = "区金融服务中心" },
        new() { Code = "ZS", Name = "区房屋征收办" },
        new() { Code = "XM", Name = "区重大项目办" },
    ];

    /// <summary>The five think-tank groups (议事智囊团) participants come from.</summary>
    public static IReadOnlyList<ThinkTankGroup> ThinkTankGroups() =>
    [
        new() { Name = "邻里帮帮团", Description = "热心邻里，化解家长里短" },
        new() { Name = "质量监督团", Description = "跟踪方案落实，监督办理质量" },
        new() { Name = "应急突击队", Description = "急难险情第一时间响应" },
        new() { Name = "职能联动团", Description = "职能部门下沉力量，联动处置" },
        new() { Name = "专家咨询团", Description = "法律、规划、物业等专业意见" },
    ];

    private static DeliberationItem Private(DeliberationItem item)
    {
        item.Public = false;
        return item;
    }

    private static DeliberationItem Item(string code, string category, string name, DefaultHandling handling, int resolveDays,
        bool deliberate = false, int responseHours = 2, string? department = null, List<ItemQuestion>? attributes = null) => new()
    {
        Code = code,
        Category = category,
        Name = name,
        Description = $"{category}：{name}",
        DefaultHandling = handling,
        DepartmentCode = department,
        ResponseDeadline = Deadline.Hours(responseHours),
        ResolveDeadline = Deadline.Days(resolveDays),
        MayDeliberate = deliberate,
        Attributes = attributes ?? [],
    };
}
