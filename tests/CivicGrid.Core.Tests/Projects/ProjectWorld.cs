using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;

namespace CivicGrid.Core.Tests.Projects;

internal static class ProjectWorld
{
    public static readonly DateOnly Today = new(2026, 12, 5);
    public static readonly DateTime Now = new(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);

    public static ProjectRequest Request(params GateDates[] gates) =>
        new("GS-2026-001", "运河数智产业园", "杭州运河数智科技有限公司", "数字经济", "330105001001", 30.32, 120.15)
        {
            PlannedInvestment = Money.TenThousandYuan(120_000),
            YearPlans = [new YearPlan(2026, Money.TenThousandYuan(30_000)), new YearPlan(2027, Money.TenThousandYuan(60_000))],
            ContactName = "王经理",
            ContactPhone = "13800001111",
            Gates = gates.Length > 0 ? gates : [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), .. Plans()],
        };

    /// <summary>Plans for every gate after signing, a quarter apart from 2026-03-01.</summary>
    public static IEnumerable<GateDates> Plans() =>
        ProjectNames.Stages.Skip(1).Select((s, i) => new GateDates(s, new DateOnly(2026, 3, 1).AddMonths(3 * i)));

    public static MajorProject Registered(params GateDates[] gates)
    {
        var (project, refusals) = MajorProject.Register(Request(gates), "区项目办", Today, Now);
        Assert.Empty(refusals);
        return project!;
    }

    public static ProjectCommand Reach(DateOnly on, ProjectStage? stage = null) => new(ProjectAction.ReachStage, "专员") { On = on, Stage = stage };
}
