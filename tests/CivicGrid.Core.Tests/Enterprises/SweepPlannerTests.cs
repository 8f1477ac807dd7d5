using CivicGrid.Core.Enterprises.Sweeps;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

public class SweepPlannerTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly RunnerAssignment[] Assignments =
    [
        new() { RunnerId = "runner", BuildingId = 10, Since = new(2026, 1, 1) },
        new() { RunnerId = "runner", BuildingId = 11, Since = new(2026, 11, 1) },
    ];

    private static readonly SweepEnterprise[] Enterprises =
    [
        new(1, 10, 1, IsKeyTax: true),
        new(2, 10, 1, IsKeyTax: true),
        new(3, 10, 1, IsKeyTax: false),
        new(4, 11, 1, IsKeyTax: true),
        new(5, 12, 2, IsKeyTax: false),
    ];

    [Fact]
    public void KeyTaxFirmsAreDueAQuarterAfterTheirLastVisitOthersAYear()
    {
        (int, DateOnly)[] visits = [(1, new(2026, 9, 5)), (2, new(2026, 8, 20)), (3, new(2026, 2, 1))];

        var plan = SweepPlanner.Plan(SweepPolicy.Default, Enterprises, Assignments, visits, Today);

        Assert.Equal([2, 1, 3, 4], plan.Items.Select(i => i.EnterpriseId));
        var byId = plan.Items.ToDictionary(i => i.EnterpriseId);
        Assert.Equal((new DateOnly(2026, 12, 5), SweepStatus.DueThisWeek, true), (byId[1].DueOn, byId[1].Status, byId[1].Covered));
        Assert.Equal((new DateOnly(2026, 11, 20), SweepStatus.Overdue, false), (byId[2].DueOn, byId[2].Status, byId[2].Covered));
        Assert.Equal((new DateOnly(2027, 2, 1), SweepStatus.NotDue, true), (byId[3].DueOn, byId[3].Status, byId[3].Covered));
        // Assigned on 1 November and never visited: due a quarter later, not overdue from the start.
        Assert.Equal((new DateOnly(2027, 2, 1), SweepStatus.NotDue, false), (byId[4].DueOn, byId[4].Status, byId[4].Covered));
        Assert.DoesNotContain(5, byId.Keys);
        Assert.Equal([1], plan.DueThisWeek.Select(i => i.EnterpriseId));
        Assert.Equal([2], plan.Overdue.Select(i => i.EnterpriseId));
    }

    [Fact]
    public void CoverageRollsUpPerBuildingAndBusinessCommunity()
    {
        (int, DateOnly)[] visits = [(1, new(2026, 11, 5)), (3, new(2026, 2, 1)), (5, new(2026, 6, 1))];

        var plan = SweepPlanner.Plan(SweepPolicy.Default, Enterprises, Assignments, visits, Today, includeUnassigned: true);

        Assert.Equal(new SweepCoverage(10, 3, 2, 1, 0, 2, 1), plan.Buildings[0]);
        Assert.Equal(new SweepCoverage(11, 1, 0, 0, 0, 1, 0), plan.Buildings[1]);
        Assert.Equal(new SweepCoverage(12, 1, 1, 0, 0, 0, 0), plan.Buildings[2]);
        Assert.Equal((1, 4, 2, 3, 1), (plan.BusinessCommunities[0].PlaceId, plan.BusinessCommunities[0].Enterprises, plan.BusinessCommunities[0].Covered, plan.BusinessCommunities[0].KeyTax, plan.BusinessCommunities[0].KeyTaxCovered));
        Assert.Equal(0.5, plan.BusinessCommunities[0].Share);
    }

    [Fact]
    public void AVisitToABuildingNotAssignedIsRefused()
    {
        var firm = Firm(id: 5, buildingId: 12);
        var (visit, refusal) = EnterpriseVisit.Record(new VisitRequest(5, 12, "总经理"), "runner", firm, Assignments, Now);
        Assert.Null(visit);
        Assert.Equal("该楼宇未分配给您，不能登记走访", refusal);
        Assert.Equal("该楼宇未分配给您，不能登记走访", EnterpriseVisit.Record(new VisitRequest(1, 10, "总经理"), "other", Firm(), Assignments, Now).Refusal);
    }

    [Fact]
    public void AVisitRecordsTheFirmInItsBuildingOnTheChinaDay()
    {
        var lateEvening = new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal("该企业不在此楼宇办公", EnterpriseVisit.Record(new VisitRequest(1, 11, "总经理"), "runner", Firm(), Assignments, lateEvening).Refusal);
        Assert.Equal("请填写走访对象", EnterpriseVisit.Record(new VisitRequest(1, 10, " "), "runner", Firm(), Assignments, lateEvening).Refusal);

        var (visit, refusal) = EnterpriseVisit.Record(new VisitRequest(1, 10, "财务负责人", "反映融资需求"), "runner", Firm(), Assignments, lateEvening);

        Assert.Null(refusal);
        Assert.Equal(new DateOnly(2026, 12, 2), visit!.Day);
    }
}
