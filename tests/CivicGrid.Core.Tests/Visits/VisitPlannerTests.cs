using CivicGrid.Core.Enterprises.Sweeps;
using CivicGrid.Core.Visits;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Visits;

/// <summary>The visit cycle: due one cycle after the last visit (or the plan's start), covered until then, overdue after; the planner's order and roll-up.</summary>
public class VisitPlannerTests
{
    private static readonly DateOnly Today = new(2026, 12, 2); // a Wednesday
    private static readonly VisitPolicy Policy = VisitPolicy.Default();
    private static readonly DateTime Now = new(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true, "2026-11-10", "2026-12-10", VisitStatus.NotDue, true)]
    [InlineData(true, "2026-11-05", "2026-12-05", VisitStatus.DueThisWeek, true)]
    [InlineData(true, "2026-11-02", "2026-12-02", VisitStatus.DueThisWeek, false)]
    [InlineData(true, "2026-10-20", "2026-11-20", VisitStatus.Overdue, false)]
    [InlineData(false, "2026-03-01", "2027-03-01", VisitStatus.NotDue, true)]
    [InlineData(false, "2025-12-06", "2026-12-06", VisitStatus.DueThisWeek, true)]
    [InlineData(false, "2025-11-30", "2026-11-30", VisitStatus.Overdue, false)]
    public void AHouseholdIsDueOneCycleAfterItsLastVisit(bool attention, string last, string due, VisitStatus status, bool covered)
    {
        var item = VisitPlanner.Item(Policy, new PlannedHousehold(1, "330105001001001", attention, DateOnly.Parse(last)), Today);

        Assert.Equal((DateOnly.Parse(due), status, covered, attention ? 1 : 12), (item.DueOn, item.Status, item.Covered, item.EveryMonths));
    }

    [Fact]
    public void AHouseholdNeverVisitedIsDueOneCycleAfterThePlanStartedAndAFutureVisitDoesNotCount()
    {
        var never = VisitPlanner.Item(Policy, new PlannedHousehold(1, "g", true, null), Today);
        var future = VisitPlanner.Item(Policy, new PlannedHousehold(2, "g", false, Today.AddDays(3)), Today);

        Assert.Equal((new DateOnly(2026, 2, 1), VisitStatus.Overdue, false), (never.DueOn, never.Status, never.Covered));
        Assert.Equal((new DateOnly(2027, 1, 1), (DateOnly?)null), (future.DueOn, future.LastVisit));
    }

    [Fact]
    public void ThePlanPutsTheLongestOverdueFirstAndAttentionBeforeOthersOnTheSameDay()
    {
        var plan = VisitPlanner.Plan(Policy,
        [
            new(1, "330105001001001", false, new DateOnly(2025, 12, 1)),
            new(2, "330105001001001", true, new DateOnly(2026, 11, 1)),
            new(3, "330105001001002", false, new DateOnly(2025, 11, 1)),
            new(4, "330105001002001", true, new DateOnly(2026, 11, 20)),
        ], Today);

        Assert.Equal([3, 2, 1, 4], plan.Select(i => i.HouseholdId));
        var grids = VisitPlanner.Coverage(plan, 15);
        var communities = VisitPlanner.Coverage(plan, 12);
        Assert.Equal(["330105001001001", "330105001001002", "330105001002001"], grids.Select(g => g.Code));
        Assert.Equal((3, 0, 3, 0, 1, 0), (communities[0].Households, communities[0].Covered, communities[0].Overdue, communities[0].DueThisWeek, communities[0].Attention, communities[0].AttentionCovered));
        Assert.Equal((1, 1, 1.0), (communities[1].Households, communities[1].Covered, communities[1].Share));
    }

    [Theory]
    [InlineData(null, 12, "attentionEveryMonths")]
    [InlineData(0, 12, "attentionEveryMonths")]
    [InlineData(1, 37, "othersEveryMonths")]
    [InlineData(6, 3, "othersEveryMonths")]
    public void CyclesOutOfRangeOrInTheWrongOrderAreRefused(int? attention, int? others, string field) =>
        Assert.Contains(field, VisitPolicy.CheckCycles(attention, others, Today, Today).Keys);

    [Fact]
    public void ARecordOutsideTheGridInTheFutureOrWithoutASituationIsRefused()
    {
        var household = new VisitedHousehold(7, "330105001001001", [70, 71]);
        HouseholdVisitRequest Request(DateOnly? day = null, int? met = 70, bool none = false, string? text = "情况正常") => new(7, day ?? Today, met, none, text);

        Assert.Equal("householdId", Refusal(Request(), household, "330105001001002"));
        Assert.Equal("visitedOn", Refusal(Request(Today.AddDays(1)), household));
        Assert.Equal("metResidentId", Refusal(Request(met: 99), household));
        Assert.Equal("metResidentId", Refusal(Request(met: 70, none: true), household));
        Assert.Equal("situation", Refusal(Request(text: " "), household));
        Assert.Equal("householdId", Refusal(Request(), null));
        var (visit, _) = HouseholdVisit.Record(Request(met: null, none: true), household, "330105001001001", "网格员", Today, Now);
        Assert.Equal((7, "330105001001001", true, (int?)null), (visit!.HouseholdId, visit.GridCode, visit.NoOneHome, visit.MetResidentId));
    }

    [Property(MaxTest = 500)]
    public void DueStatusAndCoverAgreeForAnyVisitAndDay(ushort lastOffset, ushort todayOffset, bool attention)
    {
        var last = new DateOnly(2024, 1, 1).AddDays(lastOffset % 1200);
        var today = last.AddDays(todayOffset % 800);
        var item = VisitPlanner.Item(Policy, new PlannedHousehold(1, "g", attention, last), today);

        Assert.Equal(item.Covered, today < item.DueOn);
        Assert.Equal(item.Status == VisitStatus.Overdue, today > item.DueOn);
        Assert.True(item.DueOn > last && item.DueOn <= last.AddDays(attention ? 31 : 366));
        Assert.True(item.Status != VisitStatus.DueThisWeek || item.DueOn.DayNumber - today.DayNumber <= 6);
    }

    [Property(MaxTest = 300)]
    public void TheSweepsPolicyKeepsItsOwnCalendarOnTheSharedCycle(ushort lastOffset, ushort todayOffset, bool keyTax)
    {
        var last = new DateOnly(2025, 1, 1).AddDays(lastOffset % 700);
        var today = last.AddDays(todayOffset % 500);
        var sweep = SweepPolicy.Default;

        Assert.Equal(last.AddMonths(keyTax ? 3 : 12), sweep.DueOn(keyTax, last, null));
        Assert.Equal(today < last.AddMonths(keyTax ? 3 : 12), sweep.Covers(keyTax, last, today));
    }

    private static string? Refusal(HouseholdVisitRequest request, VisitedHousehold? household, string scope = "330105001001001") =>
        HouseholdVisit.Record(request, household, scope, "网格员", Today, Now).Refusal?.Field;
}
