namespace CivicGrid.Core.Cases;

/// <summary>
/// The working-day calendar deadlines are counted on (工作日历): Monday to Friday, 09:00–17:00 China time, minus public
/// holidays, plus the weekend days declared working days (调休). China keeps UTC+8 all year, so a fixed offset is exact.
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> extraWorkdays)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    public static readonly TimeOnly DayStart = new(9, 0);
    public static readonly TimeOnly DayEnd = new(17, 0);
    public static readonly WorkingCalendar WeekdaysOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly day) =>
        extraWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>When a limit starting at <paramref name="startUtc"/> runs out, in UTC.</summary>
    public DateTime Add(DateTime startUtc, Deadline deadline) => deadline.Unit == DeadlineUnit.WorkingHours
        ? AddWorkingHours(startUtc, deadline.Amount)
        : EndOfWorkingDay(startUtc, deadline.Amount);

    /// <summary>Counts working time forward, skipping nights, weekends and holidays.</summary>
    public DateTime AddWorkingHours(DateTime startUtc, int hours)
    {
        var local = startUtc + ChinaOffset;
        var remaining = TimeSpan.FromHours(hours);
        local = NextWorkingMoment(local);
        while (true)
        {
            var dayEnd = local.Date + DayEnd.ToTimeSpan();
            var available = dayEnd - local;
            if (remaining <= available)
            {
                return Utc(local + remaining);
            }
            remaining -= available;
            local = NextWorkingMoment(dayEnd.AddDays(1).Date);
        }
    }

    /// <summary>The close of the <paramref name="days"/>-th working day after the day of receipt.</summary>
    public DateTime EndOfWorkingDay(DateTime startUtc, int days)
    {
        var day = DateOnly.FromDateTime(startUtc + ChinaOffset);
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return Utc(day.ToDateTime(DayEnd));
    }

    private static DateTime Utc(DateTime chinaTime) => DateTime.SpecifyKind(chinaTime - ChinaOffset, DateTimeKind.Utc);

    private DateTime NextWorkingMoment(DateTime local)
    {
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            var time = TimeOnly.FromDateTime(local);
            if (IsWorkingDay(day) && time < DayEnd)
            {
                return time < DayStart ? day.ToDateTime(DayStart) : local;
            }
            local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        }
    }
}
