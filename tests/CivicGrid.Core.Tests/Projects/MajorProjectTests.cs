using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using static CivicGrid.Core.Tests.Projects.ProjectWorld;

namespace CivicGrid.Core.Tests.Projects;

public class MajorProjectTests
{
    [Fact]
    public void ANewProjectHasAGatePerStageAndStandsAtItsLastActualDate()
    {
        var p = Registered(
            new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)),
            new GateDates(ProjectStage.Landed, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 20)),
            new GateDates(ProjectStage.Started, new DateOnly(2026, 9, 1)));
        Assert.Equal(8, p.Gates.Count);
        Assert.Equal(ProjectStage.Landed, p.Stage);
        Assert.Equal(ProjectStatus.Active, p.Status);
        Assert.Equal("330105001", p.StreetCode);
        Assert.Equal(new DateOnly(2026, 1, 10), p.Gate(ProjectStage.Signed).PlannedOn);
        Assert.Null(p.Gate(ProjectStage.Permitted).PlannedOn);
    }

    [Fact]
    public void EveryBadFieldIsNamed()
    {
        var request = Request() with { Name = "", CommunityCode = "330105001", Latitude = 0, Longitude = 0, ContactPhone = "12345", PlannedInvestment = null };
        var refusals = MajorProject.Register(request, "区项目办", Today, Now).Refusals;
        Assert.Equal(["Name", "CommunityCode", "Location", "PlannedInvestment", "ContactPhone"], refusals.Select(r => r.Field));
        Assert.Contains(refusals, r => r.Reason == "所在社区应为 12 位社区编码");
    }

    [Fact]
    public void GatesOutOfOrderOrInTheFutureAreRefusedNamingBothGates()
    {
        var planned = MajorProject.Register(Request(
            new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)),
            new GateDates(ProjectStage.Permitted, new DateOnly(2026, 5, 1)),
            new GateDates(ProjectStage.Started, new DateOnly(2026, 3, 1))), "区项目办", Today, Now).Refusals;
        Assert.Equal("“开工”的计划日期（2026-03-01）早于“供地与手续”的计划日期（2026-05-01）", Assert.Single(planned).Reason);

        var future = MajorProject.Register(Request(
            new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)),
            new GateDates(ProjectStage.Landed, null, Today.AddDays(1))), "区项目办", Today, Now).Refusals;
        Assert.Equal("“落地”的实际日期（2026-12-06）晚于今天", Assert.Single(future).Reason);

        var gap = MajorProject.Register(Request(
            new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)),
            new GateDates(ProjectStage.Started, null, new DateOnly(2026, 3, 1))), "区项目办", Today, Now).Refusals;
        Assert.Equal("已填写“开工”的实际日期，但“落地”尚无实际日期", Assert.Single(gap).Reason);

        var unsigned = MajorProject.Register(Request(new GateDates(ProjectStage.Landed, new DateOnly(2026, 2, 1))), "区项目办", Today, Now).Refusals;
        Assert.Equal("请填写签约日期", Assert.Single(unsigned).Reason);
    }

    [Fact]
    public void StagesAreReachedOneAfterAnotherNeverBackwardsNorInTheFuture()
    {
        var p = Registered();
        Assert.Equal("下一阶段是“落地”，不能登记“开工”", p.Apply(Reach(new DateOnly(2026, 3, 1), ProjectStage.Started), Today, Now));
        Assert.Equal("“落地”的实际日期（2026-01-09）早于“签约”的实际日期（2026-01-10）", p.Apply(Reach(new DateOnly(2026, 1, 9)), Today, Now));
        Assert.Equal("“落地”的实际日期（2026-12-06）晚于今天", p.Apply(Reach(Today.AddDays(1)), Today, Now));
        Assert.Equal("请填写“落地”的实际日期", p.Apply(new ProjectCommand(ProjectAction.ReachStage, "专员"), Today, Now));
        Assert.Null(p.Apply(Reach(new DateOnly(2026, 2, 1), ProjectStage.Landed), Today, Now));
        Assert.Null(p.Apply(Reach(new DateOnly(2026, 2, 1)), Today, Now));
        Assert.Equal(ProjectStage.Permitted, p.Stage);
        Assert.Equal(new DateOnly(2026, 2, 1), p.Gate(ProjectStage.Permitted).ReachedOn);
        Assert.Equal(3, p.Timeline.Count);
    }

    [Fact]
    public void ReplanningKeepsPlannedDatesInOrder()
    {
        var p = Registered();
        var late = new ProjectCommand(ProjectAction.PlanGates, "区项目办") { Plans = [new GateDates(ProjectStage.Started, new DateOnly(2027, 12, 1))] };
        Assert.Equal("“竣工”的计划日期（2026-12-01）早于“开工”的计划日期（2027-12-01）", p.Apply(late, Today, Now));
        var both = late with { Plans = [new GateDates(ProjectStage.Started, new DateOnly(2027, 1, 1)), new GateDates(ProjectStage.Completed, new DateOnly(2027, 2, 1))] };
        Assert.Null(p.Apply(both, Today, Now));
        Assert.Equal(new DateOnly(2027, 2, 1), p.Gate(ProjectStage.Completed).PlannedOn);
        Assert.Equal("签约节点以签约日期为准，不需计划", p.Apply(late with { Plans = [new GateDates(ProjectStage.Signed, Today)] }, Today, Now));
    }

    [Fact]
    public void ASuspendedProjectReachesNoStageUntilResumedAndATerminatedOneTakesNoMove()
    {
        var p = Registered();
        Assert.Equal("“停缓建”须填写原因", p.Apply(new ProjectCommand(ProjectAction.Suspend, "区项目办"), Today, Now));
        Assert.Null(p.Apply(new ProjectCommand(ProjectAction.Suspend, "区项目办", "资金未到位"), Today, Now));
        Assert.Equal((ProjectStatus.Suspended, "资金未到位"), (p.Status, p.StatusReason));
        Assert.Equal("项目停缓建中，请先恢复推进再登记阶段", p.Apply(Reach(new DateOnly(2026, 2, 1)), Today, Now));
        Assert.Null(p.Apply(new ProjectCommand(ProjectAction.Resume, "区项目办"), Today, Now));
        Assert.Null(p.Apply(new ProjectCommand(ProjectAction.Terminate, "区项目办", "投资方退出"), Today, Now));
        Assert.Equal((ProjectStatus.Terminated, Today), (p.Status, p.TerminatedOn));
        Assert.Equal("项目已终止，不能再恢复推进", p.Apply(new ProjectCommand(ProjectAction.Resume, "区项目办"), Today, Now));
        Assert.Empty(p.AvailableActions());
    }

    [Fact]
    public void OnlyTheProjectOfficeCorrectsAStageAndCadresRecordStages()
    {
        var p = Registered();
        Assert.Null(p.Apply(Reach(new DateOnly(2026, 2, 1)), Today, Now));
        Assert.Equal([ProjectAction.ReachStage], ProjectPermissions.Allowed(p, StaffRole.ProjectCadre));
        Assert.Contains(ProjectAction.CorrectStage, ProjectPermissions.Allowed(p, StaffRole.ProjectOffice));
        Assert.Empty(ProjectPermissions.Allowed(p, StaffRole.StreetOfficial));
        Assert.Null(p.Apply(new ProjectCommand(ProjectAction.CorrectStage, "区项目办", "误登记"), Today, Now));
        Assert.Equal((ProjectStage.Signed, (DateOnly?)null), (p.Stage, p.Gate(ProjectStage.Landed).ReachedOn));
        Assert.Equal("签约阶段不能更正", p.Apply(new ProjectCommand(ProjectAction.CorrectStage, "区项目办", "误登记"), Today, Now));
    }

    [Fact]
    public void RevisingFactsKeepsTheCodeAndRefusesBadFields()
    {
        var p = Registered();
        Assert.Equal(["PlannedInvestment", "YearPlans"], p.Revise(Request() with { PlannedInvestment = Core.Enterprises.Money.Zero }, Now).Select(r => r.Field));
        Assert.Empty(p.Revise(Request() with { Code = "OTHER", Name = "运河数智产业园二期", YearPlans = [] }, Now));
        Assert.Equal(("GS-2026-001", "运河数智产业园二期", 0), (p.Code, p.Name, p.YearPlans.Count));
    }
}
