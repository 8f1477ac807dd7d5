namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>The need categories a district starts from, after the reports; staff edit them from then on.</summary>
public static class StandardNeedCategories
{
    public const string Financing = "financing";
    public const string Hiring = "hiring";
    public const string Policy = "policy";
    public const string Licences = "licences";
    public const string Space = "space";
    public const string Schooling = "schooling";
    public const string Property = "property";
    public const string IntellectualProperty = "ip";

    public static IReadOnlyList<NeedCategory> All() =>
    [
        new() { Code = Financing, Name = "融资", TakesAmount = true, Description = "贷款、授信、担保、股权融资对接。" },
        new() { Code = Hiring, Name = "招聘用工", Description = "招聘会、人才推荐、用工对接和技能培训。" },
        new() { Code = Policy, Name = "政策咨询", Description = "惠企政策解读、申报辅导和兑现。" },
        new() { Code = Licences, Name = "证照办理", Description = "营业执照、许可证的办理、变更和地址迁移。" },
        new() { Code = Space, Name = "场地", Description = "办公、会议、展示、仓储空间。" },
        new() { Code = Schooling, Name = "员工子女入学", Description = "员工子女入学、入园和托育。" },
        new() { Code = Property, Name = "物业", Description = "楼宇物业、停车、水电、维修协调。" },
        new() { Code = IntellectualProperty, Name = "知识产权", Description = "商标、专利申请和知识产权保护。" },
    ];
}
