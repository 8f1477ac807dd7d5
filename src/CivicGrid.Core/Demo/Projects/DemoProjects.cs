using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo.Projects;

/// <summary>
/// The demo's major projects: realistic stages and gates, some late (every "not yet" state occurs), a few suspended
/// or terminated, and monthly progress. Deterministic for a seed, so the demo and the tests see the same portfolio.
/// </summary>
public sealed class DemoProjects(IReadOnlyList<TerritoryNode> communities, IReadOnlyList<int> groups, IReadOnlyDictionary<int, IReadOnlyList<string>> cadres, DateOnly today, int seed = 22)
{
    /// <summary>The twelve special service groups (专项服务组), each with its focus.</summary>
    public static readonly IReadOnlyList<(string Name, string Focus)> Groups =
    [
        ("数字经济一组", "数字经济与算力项目"), ("数字经济二组", "人工智能与软件项目"), ("生命健康组", "生物医药与医疗器械项目"),
        ("先进制造组", "智能制造与新材料项目"), ("现代商贸一组", "商业综合体项目"), ("现代商贸二组", "商贸流通与总部项目"),
        ("文化旅游组", "运河文旅项目"), ("现代金融组", "金融与科技服务项目"), ("城市更新一组", "老旧小区与有机更新项目"),
        ("城市更新二组", "安置房与配套项目"), ("征迁攻坚组", "征迁与做地出地"), ("要素保障组", "用地、水电气与融资保障"),
    ];

    private static readonly string[] Leaders = ["陈国平", "王建华", "李卫东", "张晓明", "刘志强", "杨海涛", "赵立新", "黄振宇", "周文斌", "吴俊杰", "徐志刚", "孙永强"];
    private static readonly string[] Kinds = ["产业园", "总部大楼", "研发中心", "智造基地", "商业综合体", "数据中心", "文旅街区", "更新单元", "医疗器械产业化项目", "科创中心"];
    private static readonly string[] Places = ["运河", "拱宸", "半山", "大关", "祥符", "康桥", "上塘", "湖墅", "武林", "和睦", "石桥", "北部", "智慧网谷", "中国算谷", "城北"];
    private static readonly string[] Investors = ["科技有限公司", "实业集团有限公司", "投资发展有限公司", "置业有限公司", "生物医药股份有限公司", "数字科技有限公司"];

    public static string LeaderOf(int group) => Leaders[group % Leaders.Length];

    /// <summary>The projects, registered and moved through the core as the project office and cadres would.</summary>
    public IReadOnlyList<MajorProject> Generate(int count)
    {
        var random = new Random(seed);
        var projects = new List<MajorProject>(count);
        for (var i = 1; i <= count; i++)
        {
            projects.Add(Project(random, i));
        }
        return projects;
    }

    private MajorProject Project(Random random, int n)
    {
        var community = communities[random.Next(communities.Count)];
        var group = groups[(n - 1) % groups.Count];
        var sector = ProjectNames.Sectors[random.Next(ProjectNames.Sectors.Count)];
        var signed = today.AddDays(-random.Next(60, 1_900));
        var wan = random.Next(5, 300) * 1_000L;
        var plans = PlannedGates(random, signed);
        var request = new ProjectRequest($"GS-{signed.Year}-{n:D4}", $"{Places[random.Next(Places.Length)]}{Kinds[random.Next(Kinds.Length)]}{(n % 3 == 0 ? "二期" : "")}",
            $"杭州{Places[random.Next(Places.Length)]}{Investors[random.Next(Investors.Length)]}", sector, community.Code,
            (community.CentreLatitude ?? 30.32) + (random.NextDouble() - 0.5) * 0.004, (community.CentreLongitude ?? 120.15) + (random.NextDouble() - 0.5) * 0.004)
        {
            PlannedInvestment = Money.TenThousandYuan(wan),
            YearPlans = YearPlans(signed, wan),
            ServiceGroupId = group,
            LeadCadreId = cadres.TryGetValue(group, out var people) && people.Count > 0 ? people[random.Next(people.Count)] : null,
            ContactName = $"{Leaders[random.Next(Leaders.Length)][0]}经理",
            ContactPhone = $"13{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}",
            Gates = [new GateDates(ProjectStage.Signed, signed, signed), .. plans.Select(p => new GateDates(p.Key, p.Value))],
        };
        var (project, refusals) = MajorProject.Register(request, "区项目办", today, signed.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        if (project is null)
        {
            throw new InvalidOperationException($"Demo project {n} refused: {refusals[0].Reason}");
        }
        Advance(project, plans, random);
        return project;
    }

    /// <summary>Planned gates a few months apart from signing; the later stages take longer.</summary>
    private static SortedDictionary<ProjectStage, DateOnly> PlannedGates(Random random, DateOnly signed)
    {
        int[] months = [1, 3, 3, 18, 3, 12, 12];
        var plans = new SortedDictionary<ProjectStage, DateOnly>();
        var at = signed;
        foreach (var (stage, i) in ProjectNames.Stages.Skip(1).Select((s, i) => (s, i)))
        {
            at = at.AddMonths(months[i] + random.Next(0, 3));
            plans[stage] = at;
        }
        return plans;
    }

    /// <summary>Reaches stages whose planned date has passed, mostly on time, some late, some not yet (late projects).</summary>
    private void Advance(MajorProject project, SortedDictionary<ProjectStage, DateOnly> plans, Random random)
    {
        var lateness = random.Next(100) < 30 ? random.Next(60, 240) : random.Next(-20, 40);
        foreach (var (stage, planned) in plans)
        {
            var actual = planned.AddDays(lateness + random.Next(-10, 20));
            var previous = project.Gate(project.Stage).ReachedOn!.Value;
            if (actual > today || random.Next(100) < 4)
            {
                break;
            }
            var on = actual < previous ? previous : actual;
            project.Apply(new ProjectCommand(ProjectAction.ReachStage, "专员") { On = on }, today, on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        }
        var fate = random.Next(100);
        var now = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        if (fate < 5)
        {
            project.Apply(new ProjectCommand(ProjectAction.Suspend, "区项目办", "投资方资金未到位，暂缓建设"), today, now);
        }
        else if (fate < 7)
        {
            project.Apply(new ProjectCommand(ProjectAction.Terminate, "区项目办", "投资方调整战略，项目终止"), today, now);
        }
    }

    private static List<YearPlan> YearPlans(DateOnly signed, long wan)
    {
        var years = Enumerable.Range(signed.Year, 4).ToList();
        return years.Select(y => new YearPlan(y, Money.TenThousandYuan(wan / years.Count))).ToList();
    }

    /// <summary>Monthly progress from the month after signing to last month, while the project builds (landed to producing).</summary>
    public IReadOnlyList<ProjectProgress> Progress(IReadOnlyList<MajorProject> projects)
    {
        var random = new Random(seed + 1);
        var rows = new List<ProjectProgress>();
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var p in projects)
        {
            var landed = p.Gate(ProjectStage.Landed).ReachedOn;
            if (landed is null)
            {
                continue;
            }
            var end = p.Gate(ProjectStage.Producing).ReachedOn ?? today;
            var monthly = p.PlannedInvestment.Fen / 36;
            for (var m = new DateOnly(landed.Value.Year, landed.Value.Month, 1); m <= lastMonth && m <= end; m = m.AddMonths(1))
            {
                var reached = p.Gates.FirstOrDefault(g => g.ReachedOn is { } on && on.Year == m.Year && on.Month == m.Month && g.Stage > ProjectStage.Signed);
                rows.Add(new ProjectProgress
                {
                    ProjectId = p.Id, Month = m, InvestmentDone = new Money(monthly * random.Next(50, 150) / 100 / 100 * 100),
                    StageReached = reached?.Stage, Note = reached is null ? "按计划推进" : $"{reached.Stage.ChineseName()}节点完成",
                    RecordedBy = "专员", RecordedAt = m.AddMonths(1).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                });
            }
        }
        return rows;
    }
}
