namespace CivicGrid.Core.Cases;

/// <summary>A day off the working calendar (法定节假日), or a weekend day declared a working day (调休上班) when <see cref="IsWorkday"/>.</summary>
public sealed class PublicHoliday
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    public bool IsWorkday { get; set; }

    public static WorkingCalendar Calendar(IEnumerable<PublicHoliday> days)
    {
        var list = days.ToList();
        return new WorkingCalendar(
            list.Where(d => !d.IsWorkday).Select(d => d.Date).ToHashSet(),
            list.Where(d => d.IsWorkday).Select(d => d.Date).ToHashSet());
    }
}
