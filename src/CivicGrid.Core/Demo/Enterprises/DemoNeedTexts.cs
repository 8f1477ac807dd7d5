using static CivicGrid.Core.Enterprises.Needs.StandardNeedCategories;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>What demo enterprises ask for and what came of it, per need category.</summary>
internal static class DemoNeedTexts
{
    /// <summary>Category codes with their share of needs, in per mille.</summary>
    public static readonly (string Code, int PerMille)[] Mix =
    [
        (Financing, 180), (Hiring, 200), (Policy, 180), (Licences, 120), (Space, 100), (Schooling, 80), (Property, 90), (IntellectualProperty, 50),
    ];

    private static readonly Dictionary<string, string[]> Asks = new()
    {
        [Financing] = ["扩大经营需要流动资金贷款", "新项目研发需要信用贷款", "订单增加，采购原材料资金紧张", "希望对接低息普惠贷款"],
        [Hiring] = ["急需招聘软件开发工程师", "招聘销售和客服人员", "新员工需要岗前培训", "希望参加人才招聘专场"],
        [Policy] = ["咨询高新技术企业认定政策", "了解研发费用加计扣除申报", "咨询人才补贴如何申请", "想了解稳岗补贴政策"],
        [Licences] = ["办理营业执照经营范围变更", "注册地址迁入本区", "申请食品经营许可证", "办理分公司登记"],
        [Space] = ["团队扩大，需要更大的办公场地", "需要临时会议室举办客户活动", "寻找小面积仓储空间", "初创团队需要孵化工位"],
        [Schooling] = ["骨干员工子女需要就近入学", "外地引进人才子女入园", "员工子女转学咨询"],
        [Property] = ["楼宇停车位紧张", "空调和电梯维修不及时", "希望协调物业费标准", "办公室水电改造需要物业配合"],
        [IntellectualProperty] = ["申请商标注册", "发明专利申请辅导", "产品被仿冒，需要维权援助"],
    };

    private static readonly string[] Results = ["已按需求办理完成", "对接成功，企业已享受服务", "已协调解决", "已安排专人跟进并办结"];

    public static string Ask(string category, Random random) => Pick(Asks[category], random);

    public static string Result(Random random) => Pick(Results, random);

    public static string Pick(IReadOnlyList<string> options, Random random) => options[random.Next(options.Count)];

    public static string Category(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (code, perMille) in Mix)
        {
            if ((roll -= perMille) < 0)
            {
                return code;
            }
        }
        return Mix[^1].Code;
    }
}
