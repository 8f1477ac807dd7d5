using System.Globalization;
using CivicGrid.App.Data;
using CivicGrid.App.Reports;
using CivicGrid.Core.Projects;

namespace CivicGrid.App.Projects.Reports;

/// <summary>The reports' kinds: daily (日报), weekly per service group (周报), monthly for the district meeting (月报).</summary>
public enum ReportKind
{
    Daily,
    Weekly,
    Monthly,
}

/// <summary>
/// Builds the three reports from a <see cref="PortfolioSnapshot"/>, as of the end of their period (or now, for the
/// period still running). docs/PROJECTS.md lists what each holds.
/// </summary>
public static class ProjectReports
{
    public const string ProjectList = "项目清单";

    public static ReportDocument Daily(PortfolioSnapshot s, DateOnly day)
    {
        var (from, to) = Period(s, day, day.AddDays(1));
        var blockers = s.Blockers;
        var opened = blockers.Where(b => b.Times.LoggedAt >= from && b.Times.LoggedAt < to).ToList();
        var closed = blockers.Where(b => b.Times.IsClosedWithin(from, to)).ToList();
        var overdue = blockers.Where(b => b.Times.IsOverdueAt(to)).ToList();
        var (byType, chart) = BlockerTables.ByType(blockers, from, to);
        return new("重大项目堵点日报", Date(day), Scope(s),
        [
            new("概况", Summary(("新增堵点", opened.Count), ("办结堵点", closed.Count), ("在办堵点", blockers.Count(b => b.Times.IsOpenAt(to))), ("超期未办结", overdue.Count))),
            new("按类型", byType, chart),
            new("当日新增", BlockerTables.List(s, opened, to)),
            new("当日办结", BlockerTables.List(s, closed, to)),
            new("超期未办结", BlockerTables.List(s, overdue, to), Note: "超过办结时限（工作日）仍未办结的堵点"),
        ]);
    }

    /// <summary>The week from <paramref name="monday"/>, for one service group or, without one, every group the caller sees.</summary>
    public static ReportDocument Weekly(PortfolioSnapshot all, DateOnly monday, int? groupId)
    {
        var s = groupId is { } g ? Only(all, g) : all;
        var sunday = monday.AddDays(6);
        var (from, to) = Period(s, monday, monday.AddDays(7));
        var asOf = DateOnly.FromDateTime(DistrictTime.ToDistrictTime(to.AddTicks(-1)).DateTime);
        var reached = s.Projects.SelectMany(p => s.Gates[p.Id].Where(x => x.ReachedOn >= monday && x.ReachedOn <= sunday).Select(x => (p, x))).ToList();
        var notYet = NotYet(s, asOf);
        var (byType, chart) = BlockerTables.ByType(s.Blockers, from, to);
        var name = groupId is { } id ? s.GroupName(id) : ReportScope.AllGroups;
        return new("重大项目周报", $"{Date(monday)} — {Date(sunday)}", Scope(s, name),
        [
            new("概况", Summary(("跟踪项目", s.Projects.Count), ("本周达到节点", reached.Count), ("五未节点", notYet.Rows.Count),
                ("本周新增堵点", s.Blockers.Count(b => b.Times.LoggedAt >= from && b.Times.LoggedAt < to)),
                ("本周办结堵点", s.Blockers.Count(b => b.Times.IsClosedWithin(from, to))), ("超期未办结", s.Blockers.Count(b => b.Times.IsOverdueAt(to))))),
            new("本周达到的节点", new ReportTable(["项目", "节点", "计划日期", "实际日期"],
                [.. reached.OrderBy(r => r.x.ReachedOn).Select(r => (IReadOnlyList<object?>)[r.p.Name, r.x.Stage.ChineseName(), Date(r.x.PlannedOn), Date(r.x.ReachedOn)])])),
            new("五未项目", notYet, Note: "计划日期已到、尚未达到的节点"),
            new("堵点按类型", byType, chart),
            new("在办堵点", BlockerTables.List(s, s.Blockers.Where(b => b.Times.IsOpenAt(to)), to)),
        ]);
    }

    public static ReportDocument Monthly(PortfolioSnapshot s, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var (from, to) = Period(s, first, first.AddMonths(1));
        var asOf = DateOnly.FromDateTime(DistrictTime.ToDistrictTime(to.AddTicks(-1)).DateTime);
        var investment = Investment.ByMonth(s, first);
        var (byType, chart) = BlockerTables.ByType(s.Blockers, from, to);
        var rates = ProjectRates.By(s, RatesGrouping.Group, asOf);
        var total = rates[^1].Tally;
        return new("重大项目月报", first.ToString("yyyy-MM", CultureInfo.InvariantCulture), Scope(s),
        [
            new("概况", Summary(("项目总数", s.Projects.Count), ("在办堵点", s.Blockers.Count(b => b.Times.IsOpenAt(to))),
                ("本月新增堵点", s.Blockers.Count(b => b.Times.LoggedAt >= from && b.Times.LoggedAt < to)),
                ("本月办结堵点", s.Blockers.Count(b => b.Times.IsClosedWithin(from, to))), ("超期未办结", s.Blockers.Count(b => b.Times.IsOverdueAt(to))))),
            Stages(s, asOf),
            new("五率（按服务组）", ProjectRates.Table("服务组", rates), new BarChart([.. FiveGates.Tracked.Select(g => g.RateName())],
                [new BarSeries("全区", [.. total.All.Select(t => ProjectRates.Percent(t.Rate) ?? 0)])], "%"), "率 = 已达到 ÷ 应达到（计划日期已到或已达到的节点），各组先合计件数再相除"),
            new("投资完成情况（万元）", investment.Table, investment.Chart, "计划为年度计划投资按月平均；完成为服务组填报的当月完成投资"),
            new("堵点按类型", byType, chart),
            new("在办堵点账龄", BlockerTables.ByAge(s.Blockers, to)),
            Ranking(s, asOf, from, to),
            new(ProjectList, Projects(s, first)),
        ]);
    }

    private static ReportSection Stages(PortfolioSnapshot s, DateOnly asOf)
    {
        var live = s.Projects.Where(p => p.Status != ProjectStatus.Terminated).ToList();
        var counts = ProjectNames.Stages.Select(st => live.Count(p => p.Stage == st)).ToList();
        return new("项目阶段分布",
            new ReportTable(["阶段", "项目数", "其中停缓建"], [.. ProjectNames.Stages.Select((st, i) => (IReadOnlyList<object?>)
                [st.ChineseName(), counts[i], live.Count(p => p.Stage == st && p.Status == ProjectStatus.Suspended)])]),
            new BarChart([.. ProjectNames.Stages.Select(st => st.ChineseName())], [new BarSeries("项目数", [.. counts.Select(c => (double)c)])], "个"),
            "截至 {0}，不含已终止项目 {1} 个", [asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Projects.Count - live.Count]);
    }

    /// <summary>
    /// Service groups ranked by their five gates together (all gates reached ÷ all gates due), then by the share of the
    /// month's blockers resolved in time.
    /// </summary>
    public static ReportSection Ranking(PortfolioSnapshot s, DateOnly asOf, DateTime from, DateTime to)
    {
        var rows = s.Projects.GroupBy(p => s.GroupName(p.ServiceGroupId)).Select(g =>
        {
            var tally = FiveRates.Sum(g.Select(p => s.RatesOf(p, asOf))).All.Aggregate(default(GateTally), (a, b) => a + b);
            var ids = g.Select(p => p.Id).ToHashSet();
            var blockers = s.Blockers.Where(b => ids.Contains(b.ProjectId)).ToList();
            var month = blockers.Where(b => b.Times.LoggedAt >= from && b.Times.LoggedAt < to).ToList();
            var three = BlockerTables.ThreeRates(g.Key, month);
            return (Name: g.Key, Projects: g.Count(), Tally: tally, Three: three, Open: blockers.Count(b => b.Times.IsOpenAt(to)), Overdue: blockers.Count(b => b.Times.IsOverdueAt(to)));
        }).OrderByDescending(r => r.Tally.Rate ?? -1).ThenByDescending(r => r.Three[3] as double? ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new("服务组排名", new ReportTable(
            ["排名", "服务组", "项目数", "五率综合(%)", "未达节点", .. BlockerTables.ThreeRateColumns.Select(c => "本月" + c), "在办堵点", "超期堵点"],
            [.. rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Name, r.Projects, ProjectRates.Percent(r.Tally.Rate), r.Tally.NotYet, .. r.Three.Skip(1), r.Open, r.Overdue])]),
            Note: "五率综合 = 五个节点已达到数之和 ÷ 应达到数之和；并列时按本月堵点解决率");
    }

    private static ReportTable Projects(PortfolioSnapshot s, DateOnly first)
    {
        var done = s.Progress.Where(p => p.Month.Year == first.Year && p.Month <= first).GroupBy(p => p.ProjectId)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.InvestmentDone.InTenThousandYuan));
        var open = s.Blockers.Where(b => b.Times.IsOpenAt(s.Now)).GroupBy(b => b.ProjectId).ToDictionary(g => g.Key, g => g.Count());
        return new(["编号", "项目", "服务组", "街道", "行业", "阶段", "状态", "计划总投资(万元)", "本年计划(万元)", "本年完成(万元)", "在办堵点"],
            [.. s.Projects.Select(p => (IReadOnlyList<object?>)
            [
                p.Code, p.Name, s.GroupName(p.ServiceGroupId), s.StreetName(p.StreetCode), p.Sector, p.Stage.ChineseName(), p.Status.ChineseName(),
                p.PlannedInvestment.InTenThousandYuan, s.YearPlans[p.Id].Where(y => y.Year == first.Year).Sum(y => y.Planned.InTenThousandYuan),
                done.GetValueOrDefault(p.Id), open.GetValueOrDefault(p.Id),
            ])]);
    }

    /// <summary>Every gate due and not reached at <paramref name="day"/> (五未), the longest overdue first.</summary>
    private static ReportTable NotYet(PortfolioSnapshot s, DateOnly day) => new(["项目", "五未", "计划日期", "逾期天数"],
        [.. s.Projects.Where(p => FiveGates.Counts(p.TerminatedOn, day))
            .SelectMany(p => s.Gates[p.Id].Where(g => g.Stage.IsTracked() && FiveGates.IsNotYet(g.PlannedOn, g.ReachedOn, day)).Select(g => (p, g)))
            .OrderBy(x => x.g.PlannedOn).Select(x => (IReadOnlyList<object?>)[x.p.Name, x.g.Stage.NotYetName(), Date(x.g.PlannedOn), day.DayNumber - x.g.PlannedOn!.Value.DayNumber])]);

    /// <summary>Only one service group's projects and their blockers.</summary>
    public static PortfolioSnapshot Only(PortfolioSnapshot s, int groupId)
    {
        var projects = s.Projects.Where(p => p.ServiceGroupId == groupId).ToList();
        var ids = projects.Select(p => p.Id).ToHashSet();
        return new PortfolioSnapshot
        {
            Now = s.Now, Projects = projects, Gates = s.Gates, YearPlans = s.YearPlans, Progress = [.. s.Progress.Where(p => ids.Contains(p.ProjectId))],
            Blockers = [.. s.Blockers.Where(b => ids.Contains(b.ProjectId))], Groups = s.Groups, Streets = s.Streets, Departments = s.Departments,
        };
    }

    /// <summary>The period in UTC, cut at now when it is still running.</summary>
    private static (DateTime From, DateTime To) Period(PortfolioSnapshot s, DateOnly first, DateOnly next)
    {
        var to = Utc(next);
        return (Utc(first), to > s.Now ? s.Now : to);
    }

    public static DateTime Utc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DistrictTime.Zone);

    private static ReportTable Summary(params (string Name, int Value)[] figures) =>
        new(["指标", "数量"], [.. figures.Select(f => (IReadOnlyList<object?>)[f.Name, f.Value])]);

    private static ReportLine Scope(PortfolioSnapshot s, string group = ReportScope.AllGroups) =>
        new ReportScope(group, s.Projects.Count, s.Blockers.Count, DistrictTime.Format(s.Now)).Line;

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
