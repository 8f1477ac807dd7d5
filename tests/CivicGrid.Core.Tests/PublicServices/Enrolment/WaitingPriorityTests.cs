using CivicGrid.Core.PublicServices.Enrolment;

namespace CivicGrid.Core.Tests.PublicServices.Enrolment;

public class WaitingPriorityTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(false, false, 0, 0)]
    [InlineData(true, false, 0, 3)]
    [InlineData(false, true, 0, 2)]
    [InlineData(true, true, 29, 5)]
    [InlineData(true, true, 30, 6)]
    [InlineData(false, false, 89, 2)]
    [InlineData(false, false, 180, 6)]
    [InlineData(true, true, 1_000, 11)]
    public void PointsAddDualIncomeVulnerabilityAndFullMonthsWaited(bool dualIncome, bool vulnerable, int daysWaited, int points) =>
        Assert.Equal(points, WaitingPriority.Points(dualIncome, vulnerable, Today.AddDays(-daysWaited), Today));

    [Fact]
    public void AnApplicationDatedLaterThanTodayEarnsNoWaitingPoints() =>
        Assert.Equal(0, WaitingPriority.Points(false, false, Today.AddDays(3), Today));

    [Fact]
    public void MorePointsGoFirstThenTheEarlierApplication()
    {
        var ranks = new[]
        {
            new WaitingRank(5, Today),
            new WaitingRank(8, Today),
            new WaitingRank(5, Today.AddDays(-3)),
            new WaitingRank(0, Today.AddDays(-400)),
        };
        Assert.Equal([ranks[1], ranks[2], ranks[0], ranks[3]], ranks.Order());
        Assert.True(new WaitingRank(3, Today) < new WaitingRank(2, Today.AddDays(-9)));
        Assert.Equal(0, new WaitingRank(3, Today).CompareTo(new WaitingRank(3, Today.ToUniversalTime())));
    }
}
