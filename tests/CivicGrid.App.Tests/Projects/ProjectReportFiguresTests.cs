using CivicGrid.App.Projects.Reports;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;

namespace CivicGrid.App.Tests.Projects;

/// <summary>Exact figures of the rates table and the reports over a small portfolio whose every count is worked out by hand.</summary>
public sealed class ProjectReportFiguresTests
{
    private static readonly DateTime Now = ProjectReports.Utc(new DateOnly(2026, 12, 1)).AddHours(2);

    private static ProjectFacts Project(int id, int group, string sector, DateOnly? terminated = null) => new(
        id, $"XM{id:000}", $"项目{id}", sector, "330105001", group, terminated is null ? ProjectStatus.Active : ProjectStatus.Terminated,
        ProjectStage.Started, Money.TenThousandYuan(1000), 30.3, 120.1, terminated);

    private static ProjectGate Gate(int project, ProjectStage stage, string? planned, string? reached) => new()
    {
        ProjectId = project, Stage = stage, PlannedOn = planned is null ? null : DateOnly.Parse(planned), ReachedOn = reached is null ? null : DateOnly.Parse(reached),
    };

    /// <summary>Local (district) time of a day and hour, in UTC.</summary>
    private static DateTime At(int month, int day, int hour) => ProjectReports.Utc(new DateOnly(2026, month, day)).AddHours(hour);

    private static BlockerFacts Blocker(int id, int project, BlockerType type, DateTime logged, DateTime due, DateTime? resolved, DateTime? closed) =>
        new(id, project, 100 + id, type, "cadre", closed is null ? (resolved is null ? CaseStatus.Dispatched : CaseStatus.Resolved) : CaseStatus.Closed, "GT", 0, 0,
            new BlockerTimes(logged, due, resolved, closed),
            new IndicatorCounts(1, 1, 1, resolved is not null || due < Now ? 1 : 0, resolved is null ? 0 : 1, closed is null ? 0 : 1, closed <= due ? 1 : 0, 0, 0, 0, 0, 0));

    private static PortfolioSnapshot Portfolio() => new()
    {
        Now = Now,
        Projects = [Project(1, 1, "数字经济"), Project(2, 1, "先进制造"), Project(3, 2, "数字经济", terminated: new DateOnly(2026, 6, 1))],
        Gates = new[]
        {
            Gate(1, ProjectStage.Started, "2026-03-01", "2026-02-20"), Gate(1, ProjectStage.Completed, "2026-10-01", null),
            Gate(2, ProjectStage.Started, "2026-05-01", null),
            Gate(3, ProjectStage.Started, "2026-04-01", null),
        }.ToLookup(g => g.ProjectId),
        YearPlans = new[] { new ProjectYearPlan { ProjectId = 1, Year = 2026, Planned = Money.TenThousandYuan(1200) } }.ToLookup(p => p.ProjectId),
        Progress = [new ProgressFacts(1, new DateOnly(2026, 3, 1), Money.TenThousandYuan(150)), new ProgressFacts(1, new DateOnly(2026, 11, 1), Money.TenThousandYuan(50))],
        Blockers =
        [
            Blocker(1, 1, BlockerType.Land, At(11, 10, 9), At(11, 20, 18), At(11, 24, 10), At(11, 25, 11)),
            Blocker(2, 2, BlockerType.Permits, At(11, 25, 15), At(12, 9, 18), null, null),
            Blocker(3, 2, BlockerType.Land, At(11, 1, 9), At(11, 15, 18), null, null),
        ],
        Groups = new Dictionary<int, string> { [1] = "数字经济服务组", [2] = "城市更新服务组" },
        Streets = new Dictionary<string, string> { ["330105001"] = "米市巷街道" },
        Departments = new Dictionary<string, string> { ["GT"] = "区规划和自然资源分局" },
    };

    [Fact]
    public void The_rates_add_up_counts_per_group_and_leave_out_projects_terminated_by_the_day()
    {
        var rows = ProjectRates.By(Portfolio(), RatesGrouping.Group, new DateOnly(2026, 11, 30));

        var group = Assert.Single(rows, r => r.Name == "数字经济服务组");
        Assert.Equal(new GateTally(2, 1), group.Tally.Started);
        Assert.Equal(0.5, group.Tally.Started.Rate);
        Assert.Equal(new GateTally(1, 0), group.Tally.Completed);
        Assert.Equal(1, group.Tally.Completed.NotYet);
        Assert.Null(group.Tally.Producing.Rate);
        Assert.DoesNotContain(rows, r => r.Name == "城市更新服务组");
        Assert.Equal(group.Tally, rows[^1].Tally);
        Assert.Equal(ProjectRates.Total, rows[^1].Name);
    }

    [Fact]
    public void A_month_counts_the_portfolio_as_of_its_last_day()
    {
        var months = ProjectRates.By(Portfolio(), RatesGrouping.Month, new DateOnly(2026, 11, 30));

        // On 30 April: project 1 started, project 3 due and not yet terminated, project 2 not yet due.
        Assert.Equal(new GateTally(2, 1), months.Single(m => m.Name == "2026-04").Tally.Started);
        // On 30 June project 3 has left; project 2 is due.
        Assert.Equal(new GateTally(2, 1), months.Single(m => m.Name == "2026-06").Tally.Started);
        Assert.Equal(new GateTally(1, 1), months.Single(m => m.Name == "2026-03").Tally.Started);
        Assert.Equal(12, months.Count);
    }

    [Fact]
    public void The_daily_report_counts_opened_closed_open_and_overdue_at_the_end_of_the_day()
    {
        var report = ProjectReports.Daily(Portfolio(), new DateOnly(2026, 11, 25));

        var summary = report.Section("概况")!.Table!.Rows.ToDictionary(r => (string)r[0]!, r => (int)r[1]!);
        Assert.Equal(1, summary["新增堵点"]);
        Assert.Equal(1, summary["办结堵点"]);
        Assert.Equal(2, summary["在办堵点"]);
        Assert.Equal(1, summary["超期未办结"]);
        var overdue = Assert.Single(report.Section("超期未办结")!.Table!.Rows);
        Assert.Equal(103, overdue[0]);
        // From 15 November 18:00 to the end of the 25th.
        Assert.Equal(10, overdue[8]);
    }

    [Fact]
    public void The_monthly_report_holds_the_project_names_the_investment_and_the_ranking()
    {
        var report = ProjectReports.Monthly(Portfolio(), new DateOnly(2026, 11, 1));

        Assert.Equal(new object?[] { "项目1", "项目2", "项目3" }, report.Section(ProjectReports.ProjectList)!.Table!.Rows.Select(r => r[1]));
        var november = report.Section("投资完成情况（万元）")!.Table!.Rows[10];
        Assert.Equal("11月", november[0]);
        Assert.Equal(100m, november[1]);
        Assert.Equal(50m, november[2]);
        Assert.Equal(1100m, november[3]);
        Assert.Equal(200m, november[4]);
        var ranking = report.Section("服务组排名")!.Table!.Rows;
        Assert.Equal("数字经济服务组", ranking[0][1]);
        Assert.Equal(33.3, ranking[0][3]);
        var age = report.Section("在办堵点账龄")!.Table!.Rows.Single(r => (string)r[0]! == "用地");
        // Blocker 3, logged on 1 November, is 29 days old at the month's end and overdue.
        Assert.Equal(new object?[] { 0, 1, 0, 0, 1, 1 }, age.Skip(1));
    }
}
