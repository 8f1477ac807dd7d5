using CivicGrid.App.Data;
using CivicGrid.App.Projects.Reports;
using CivicGrid.Core.Projects;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Overview;

/// <summary>The officials' overview of the portfolio (项目总览) they see: the map, the gates by month, investment, blockers and rankings.</summary>
public sealed record GetProjectOverview;

/// <summary>How a project shows on the map: its state decides the colour.</summary>
public sealed record ProjectPoint(int Id, string Code, string Name, double Latitude, double Longitude, string Stage, string State);

public sealed record ProjectOverview(int Projects, int OpenBlockers, int OverdueBlockers, int NotYetGates, IReadOnlyList<ProjectPoint> Points, ReportDocument Document);

public sealed class GetProjectOverviewHandler(PortfolioReader reader, TimeProvider clock)
{
    /// <summary>The map's states, worst first: a project takes the first that holds.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> States =
    [
        ("terminated", "已终止"), ("suspended", "停缓建"), ("overdue", "有超期堵点"), ("notyet", "节点滞后"), ("ontrack", "正常推进"),
    ];

    public async Task<Outcome<ProjectOverview>> HandleAsync(GetProjectOverview query, CancellationToken ct)
    {
        if (!reader.Jurisdiction.Role.MaySee())
        {
            return Outcome<ProjectOverview>.Forbidden("当前角色无权查看重大项目");
        }
        var s = await reader.ReadAsync(ct);
        var today = clock.Today();
        var overdue = s.Blockers.Where(b => b.Times.IsOverdueAt(s.Now)).ToList();
        var overdueProjects = overdue.Select(b => b.ProjectId).ToHashSet();
        var notYet = s.Projects.ToDictionary(p => p.Id, p => s.RatesOf(p, today).All.Sum(t => t.NotYet));
        var points = s.Projects.Select(p => new ProjectPoint(p.Id, p.Code, p.Name, p.Latitude, p.Longitude, p.Stage.ChineseName(), p switch
        {
            { Status: ProjectStatus.Terminated } => "terminated",
            { Status: ProjectStatus.Suspended } => "suspended",
            _ when overdueProjects.Contains(p.Id) => "overdue",
            _ when notYet[p.Id] > 0 => "notyet",
            _ => "ontrack",
        })).ToList();
        var (firstOfYear, to) = (new DateOnly(today.Year, 1, 1), s.Now);
        var investment = Investment.ByMonth(s, today);
        var document = new ReportDocument("项目总览", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new ReportScope(ReportScope.AllGroups, s.Projects.Count, s.Blockers.Count, DistrictTime.Format(s.Now)).Line,
        [
            Gates(s, today),
            new("投资完成情况（万元）", investment.Table, investment.Chart, "计划为年度计划投资按月平均；完成为服务组填报的当月完成投资"),
            new("在办堵点账龄", BlockerTables.ByAge(s.Blockers, to)),
            new("超期最久的堵点", BlockerTables.List(s, overdue.OrderBy(b => b.Times.ResolveBy).Take(20), to)),
            ProjectReports.Ranking(s, today, ProjectReports.Utc(firstOfYear), to),
        ]);
        return Outcome<ProjectOverview>.Ok(new ProjectOverview(s.Projects.Count, s.Blockers.Count(b => b.Times.IsOpenAt(to)), overdue.Count,
            (int)notYet.Values.Sum(), points, document));
    }

    /// <summary>The five gates of this year by month: how many were planned for the month, and how many were reached in it.</summary>
    private static ReportSection Gates(PortfolioSnapshot s, DateOnly today)
    {
        var gates = s.Projects.Where(p => p.Status != ProjectStatus.Terminated).SelectMany(p => s.Gates[p.Id]).Where(g => g.Stage.IsTracked()).ToList();
        var months = Enumerable.Range(1, 12).ToList();
        var planned = months.Select(m => gates.Count(g => g.PlannedOn is { } d && d.Year == today.Year && d.Month == m)).ToList();
        var reached = months.Select(m => gates.Count(g => g.ReachedOn is { } d && d.Year == today.Year && d.Month == m)).ToList();
        var onTime = months.Select(m => gates.Count(g => g.ReachedOn is { } d && d.Year == today.Year && d.Month == m && d <= g.PlannedOn)).ToList();
        return new("节点计划与完成（按月）",
            new ReportTable(["月份", "计划节点", "实际达到", "其中按期"], [.. months.Select(m => (IReadOnlyList<object?>)[$"{m}月", planned[m - 1], reached[m - 1], onTime[m - 1]])]),
            new BarChart([.. months.Select(m => $"{m}月")], [new BarSeries("计划节点", [.. planned.Select(x => (double)x)]), new BarSeries("实际达到", [.. reached.Select(x => (double)x)])], "个"),
            "开工、竣工、投产、达产、达效五个节点；计划按计划日期所在月，实际按实际日期所在月");
    }
}
