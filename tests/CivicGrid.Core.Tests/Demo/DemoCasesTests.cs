using CivicGrid.Core.Cases;
using CivicGrid.Core.Demo;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Tests.Demo;

public class DemoCasesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static List<Case> Generate(int count)
    {
        var grids = new DemoDistrict(DemoScale.Tiny, DateOnly.FromDateTime(Now)).Territory.Where(n => n.Level == TerritoryLevel.Grid).ToList();
        return new DemoCases(grids, DeliberationList.Items(), WorkingCalendar.WeekdaysOnly).Generate(count, Now.AddMonths(-24), Now).ToList();
    }

    [Fact]
    public void EveryHistoricCaseKeepsATimelineTheStateMachineCouldHaveWritten()
    {
        var cases = Generate(3_000);

        Assert.All(cases, c => Assert.True(CaseTimeline.Problem(c.Timeline, c.Status) is null, $"#{c.Id}: {CaseTimeline.Problem(c.Timeline, c.Status)}"));
        Assert.All(cases, c => Assert.All(c.Timeline, e => Assert.Equal(c.Id, e.CaseId)));
        Assert.Contains(cases, c => c.Status == CaseStatus.Closed && c.Timeline.Any(e => e.Action == CaseAction.FailVerification));
        Assert.Contains(cases, c => c.Rating == CaseRating.Unsatisfied && c.Status == CaseStatus.Accepted);
    }

    [Fact]
    public void TheReplayCheckRefusesHistoriesThatCannotHaveHappened()
    {
        var at = Now;
        CaseEvent Entry(CaseAction action, CaseStatus from, CaseStatus to, string actor = "网格员") => new() { Action = action, From = from, To = to, Actor = actor, At = at = at.AddHours(1) };
        var receipt = Entry(CaseAction.Receive, CaseStatus.Received, CaseStatus.Received, "居民");

        Assert.Equal("办理轨迹不是从提交诉求开始", CaseTimeline.Problem([], CaseStatus.Closed));
        Assert.Equal("办理轨迹不是从提交诉求开始", CaseTimeline.Problem([Entry(CaseAction.Escalate, CaseStatus.Accepted, CaseStatus.Accepted)], CaseStatus.Accepted));
        Assert.NotNull(CaseTimeline.Problem([receipt, Entry(CaseAction.Close, CaseStatus.Received, CaseStatus.Closed)], CaseStatus.Closed));
        Assert.NotNull(CaseTimeline.Problem([receipt, Entry(CaseAction.Accept, CaseStatus.Received, CaseStatus.Accepted)], CaseStatus.Closed));
        Assert.Equal("第 5 条记录：办结人核查了自己办结的诉求", CaseTimeline.Problem(
        [
            receipt,
            Entry(CaseAction.Accept, CaseStatus.Received, CaseStatus.Accepted),
            Entry(CaseAction.Handle, CaseStatus.Accepted, CaseStatus.Handling),
            Entry(CaseAction.Resolve, CaseStatus.Handling, CaseStatus.Resolved),
            Entry(CaseAction.Verify, CaseStatus.Resolved, CaseStatus.Verified),
        ], CaseStatus.Verified));
    }
}
