using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Tests.Cases;

public class WorkingCalendarTests
{
    private static DateTime China(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc) - WorkingCalendar.ChinaOffset;

    private static readonly WorkingCalendar NationalDay = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).ToHashSet(),
        new HashSet<DateOnly> { new(2026, 10, 10) });

    [Fact]
    public void WorkingHoursRunOverTheNightAndTheWeekend()
    {
        // Friday 16:00 + 2 working hours = Monday 10:00.
        Assert.Equal(China(11, 30, 10), WorkingCalendar.WeekdaysOnly.AddWorkingHours(China(11, 27, 16), 2));
        // Received at night: the clock starts at 09:00.
        Assert.Equal(China(11, 24, 11), WorkingCalendar.WeekdaysOnly.AddWorkingHours(China(11, 23, 22), 2));
    }

    [Fact]
    public void WorkingDaysSkipHolidaysAndCountMakeUpSaturdays()
    {
        // Received on 30 September: holidays 1–7 October, then Thursday 8, Friday 9, and the make-up Saturday 10.
        Assert.Equal(China(10, 10, 17), NationalDay.EndOfWorkingDay(China(9, 30, 15), 3));
        Assert.Equal(DateTimeKind.Utc, NationalDay.EndOfWorkingDay(China(9, 30, 15), 3).Kind);
    }

    [Fact]
    public void HoursReceivedOnAHolidayStartOnTheNextWorkingDay() =>
        Assert.Equal(China(10, 8, 10), NationalDay.AddWorkingHours(China(10, 3, 12), 1));
}
