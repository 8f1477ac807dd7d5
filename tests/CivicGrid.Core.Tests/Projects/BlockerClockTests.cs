using CivicGrid.Core.Projects;

namespace CivicGrid.Core.Tests.Projects;

public sealed class BlockerClockTests
{
    private static readonly DateTime Logged = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Deadline = Logged.AddDays(10);

    [Fact]
    public void An_unresolved_blocker_is_overdue_after_its_deadline_and_not_before()
    {
        var times = new BlockerTimes(Logged, Deadline, null, null);

        Assert.False(times.IsOverdueAt(Deadline.AddMinutes(-1)));
        Assert.True(times.IsOverdueAt(Deadline.AddMinutes(1)));
        Assert.True(times.IsOpenAt(Deadline.AddDays(30)));
        Assert.Equal(40, times.AgeInDays(Logged.AddDays(40).AddHours(3)));
    }

    [Fact]
    public void A_blocker_resolved_late_stays_overdue_only_until_its_resolution_and_ends_when_closed()
    {
        var times = new BlockerTimes(Logged, Deadline, Deadline.AddDays(2), Deadline.AddDays(3));

        Assert.True(times.IsOverdueAt(Deadline.AddDays(1)));
        Assert.False(times.IsOverdueAt(Deadline.AddDays(2).AddMinutes(1)));
        Assert.True(times.IsOpenAt(Deadline.AddDays(2).AddMinutes(1)));
        Assert.False(times.IsOpenAt(Deadline.AddDays(3)));
        Assert.True(times.IsClosedWithin(Deadline.AddDays(3), Deadline.AddDays(4)));
        Assert.False(times.IsClosedWithin(Deadline.AddDays(4), Deadline.AddDays(5)));
        // Its age stops when it ends.
        Assert.Equal(13, times.AgeInDays(Logged.AddDays(100)));
    }

    [Fact]
    public void Before_it_was_logged_a_blocker_is_neither_open_nor_overdue()
    {
        var times = new BlockerTimes(Logged, Deadline, null, null);

        Assert.False(times.IsOpenAt(Logged.AddTicks(-1)));
        Assert.False(times.IsOverdueAt(Logged.AddTicks(-1)));
    }

    [Theory]
    [InlineData(0, "7天以内"), InlineData(7, "7天以内"), InlineData(8, "8-30天"), InlineData(30, "8-30天"), InlineData(31, "31-90天"), InlineData(91, "90天以上")]
    public void Ages_fall_into_their_bands(int days, string band) => Assert.Equal(band, BlockerAge.Band(days));
}
