namespace CivicGrid.Core.Visits;

/// <summary>Where a place to visit stands against its cycle on a day.</summary>
public enum VisitStatus
{
    Overdue,
    DueThisWeek,
    /// <summary>Visited within its cycle, or not yet due.</summary>
    NotDue,
}

/// <summary>
/// The calendar of visit cycles (走访周期), shared by grid workers' household visits and runners' building sweeps: a
/// place is due one cycle after its last visit, or after the plan started for it when it was never visited, so a new
/// plan does not start overdue; a visit counts (covers) until the day it falls due; the week runs Monday to Sunday.
/// </summary>
public static class VisitCycle
{
    public static DateOnly DueOn(int everyMonths, DateOnly? lastVisit, DateOnly planStart) =>
        (lastVisit ?? planStart).AddMonths(everyMonths);

    /// <summary>Whether a visit on <paramref name="lastVisit"/> still counts on <paramref name="today"/>.</summary>
    public static bool Covers(int everyMonths, DateOnly? lastVisit, DateOnly today) =>
        lastVisit is { } last && today < last.AddMonths(everyMonths);

    /// <summary>The Sunday that ends the week of <paramref name="today"/>.</summary>
    public static DateOnly WeekEnd(DateOnly today) => today.AddDays(6 - ((int)today.DayOfWeek + 6) % 7);

    public static VisitStatus StatusOf(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? VisitStatus.Overdue : dueOn <= WeekEnd(today) ? VisitStatus.DueThisWeek : VisitStatus.NotDue;
}
