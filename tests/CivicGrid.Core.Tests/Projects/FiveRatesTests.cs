using CivicGrid.Core.Projects;
using static CivicGrid.Core.Tests.Projects.ProjectWorld;

namespace CivicGrid.Core.Tests.Projects;

public class FiveRatesTests
{
    private static readonly DateOnly Day = new(2026, 6, 30);

    private static FiveRates Project(DateOnly? started, DateOnly? startedOn, DateOnly? completed = null, DateOnly? completedOn = null, DateOnly? terminatedOn = null) =>
        FiveRates.Of(terminatedOn, [(ProjectStage.Started, started, startedOn), (ProjectStage.Completed, completed, completedOn)], Day);

    [Fact]
    public void AGateIsDueWhenItsPlannedDateHasComeOrItWasReached()
    {
        Assert.Equal(new GateTally(1, 1), Project(new(2026, 3, 1), new(2026, 4, 1)).Started);   // late but started
        Assert.Equal(new GateTally(1, 0), Project(new(2026, 3, 1), null).Started);              // 未开工
        Assert.Equal(new GateTally(1, 0), Project(new(2026, 6, 30), new(2026, 7, 1)).Started);  // started after the day
        Assert.Equal(new GateTally(0, 0), Project(new(2026, 7, 1), null).Started);              // not yet due
        Assert.Equal(new GateTally(1, 1), Project(new(2026, 9, 1), new(2026, 5, 1)).Started);   // started early
        Assert.Equal(new GateTally(1, 1), Project(null, new(2026, 5, 1)).Started);              // started without a plan
        Assert.Equal(new GateTally(0, 0), Project(null, null).Started);
        Assert.Equal(new GateTally(0, 0), Project(new(2026, 3, 1), null, terminatedOn: new(2026, 6, 30)).Started);
        Assert.Equal(new GateTally(1, 0), Project(new(2026, 3, 1), null, terminatedOn: new(2026, 7, 1)).Started);
    }

    [Fact]
    public void TheRateIsTheSumOfReachedOverTheSumOfDueNeverAnAverageOfRates()
    {
        // Street A: 1 of 1 started; street B: 1 of 3. The average of rates would be 2/3; the rate is 2/4.
        var a = Project(new(2026, 1, 1), new(2026, 2, 1));
        var b = FiveRates.Sum([Project(new(2026, 1, 1), new(2026, 1, 20)), Project(new(2026, 2, 1), null), Project(new(2026, 3, 1), null)]);
        var all = a + b;
        Assert.Equal(new GateTally(4, 2), all.Started);
        Assert.Equal(2, all.Started.NotYet);
        Assert.Equal(0.5, all.Started.Rate);
        Assert.Null(all.Completed.Rate);
        Assert.Equal(0, all.Completed.Due);
    }

    [Fact]
    public void AProjectsFiveGatesAreCountedTogether()
    {
        var p = Registered(
            new GateDates(ProjectStage.Signed, null, new DateOnly(2025, 1, 10)),
            new GateDates(ProjectStage.Landed, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1)),
            new GateDates(ProjectStage.Permitted, new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 1)),
            new GateDates(ProjectStage.Started, new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1)),
            new GateDates(ProjectStage.Completed, new DateOnly(2026, 3, 1)),
            new GateDates(ProjectStage.Producing, new DateOnly(2026, 6, 1)),
            new GateDates(ProjectStage.AtCapacity, new DateOnly(2026, 12, 1)),
            new GateDates(ProjectStage.ReachedTargets, new DateOnly(2027, 6, 1)));
        var rates = FiveRates.Of(p, Day);
        GateTally[] expected = [new(1, 1), new(1, 0), new(1, 0), new(0, 0), new(0, 0)];
        Assert.Equal(expected, rates.All);
        Assert.Equal(["未开工", "未竣工", "未投产", "未达产", "未达效"], FiveGates.Tracked.Select(s => s.NotYetName()));
        Assert.Equal(["开工率", "竣工率", "投产率", "达产率", "达效率"], FiveGates.Tracked.Select(s => s.RateName()));
        Assert.Equal(new GateTally(1, 0), rates[ProjectStage.Completed]);
    }
}
