namespace CivicGrid.Core.Cases;

/// <summary>A request to move a case, with what each kind of move needs; unused fields stay empty.</summary>
public sealed record CaseCommand(CaseAction Action, string Actor, string? Note = null)
{
    public IReadOnlyList<string> Attachments { get; init; } = [];
    public string? DepartmentCode { get; init; }
    public int? DeliberationDayId { get; init; }
    public int? ExtensionDays { get; init; }
    public CaseRating? Rating { get; init; }
    public int? ProcessScore { get; init; }
    public int? ResultScore { get; init; }
    public int? MergeInto { get; init; }
    /// <summary>A reply staff write on purpose for the public (公开答复); the only text of a move that Open311 publishes.</summary>
    public string? PublicNote { get; init; }
}

/// <summary>
/// What a move is judged against: the case's item (deadlines, whether it may be deliberated), the calendar, the time,
/// and how many tasks of the case's deliberation plan are still open (a case is resolved after its plan, not before).
/// <see cref="DepartmentRetired"/> says the department the case is with was retired, so it may be dispatched anew.
/// </summary>
public sealed record CaseRules(DeliberationItem Item, WorkingCalendar Calendar, DateTime NowUtc, int OpenPlanTasks = 0, bool DepartmentRetired = false);
