namespace CivicGrid.Core.Visits;

/// <summary>What a grid worker fills in on the phone after knocking: the day, whom they met (a member, or no one home), what they saw.</summary>
public sealed record HouseholdVisitRequest(int HouseholdId, DateOnly? VisitedOn, int? MetResidentId, bool NoOneHome, string? Situation)
{
    public const int MaxSituationLength = 1000;
}

/// <summary>The household as the visit checks it: its grid and its active members.</summary>
public sealed record VisitedHousehold(int Id, string GridCode, IReadOnlyCollection<int> MemberIds);

/// <summary>A refusal of a visit record: the field and the reason in Chinese.</summary>
public sealed record VisitRefusal(string Field, string Reason);

/// <summary>
/// A grid worker's visit to a household (入户走访记录). A need found on it goes into the case loop (source: visit) or to a
/// visit task for a service, named here. Made through <see cref="Record"/>, which refuses a household outside the
/// worker's grid, a day in the future or before the record's year, a member of another household, and an empty situation.
/// </summary>
public sealed class HouseholdVisit
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    /// <summary>The household's grid, so a visit is scoped like its household without a lookup per visit.</summary>
    public string GridCode { get; set; } = "";
    public DateOnly VisitedOn { get; set; }
    /// <summary>The member met, or null when no one was home.</summary>
    public int? MetResidentId { get; set; }
    public bool NoOneHome { get; set; }
    public string Situation { get; set; } = "";
    /// <summary>The case opened for a need found on the visit.</summary>
    public int? CaseId { get; set; }
    /// <summary>The visit task a need for a service was handed to.</summary>
    public int? VisitTaskId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    /// <summary>How far back a visit may be recorded: a visit forgotten for longer is not a visit of this cycle.</summary>
    public const int MaxDaysBack = 31;

    public static (HouseholdVisit? Visit, VisitRefusal? Refusal) Record(
        HouseholdVisitRequest request, VisitedHousehold? household, string workerScope, string actor, DateOnly today, DateTime nowUtc)
    {
        var refusal = Refuse(request, household, workerScope, today);
        return refusal is not null ? (null, refusal) : (new HouseholdVisit
        {
            HouseholdId = household!.Id, GridCode = household.GridCode, VisitedOn = request.VisitedOn!.Value,
            MetResidentId = request.NoOneHome ? null : request.MetResidentId, NoOneHome = request.NoOneHome,
            Situation = request.Situation!.Trim(), RecordedBy = actor, RecordedAt = nowUtc,
        }, null);
    }

    private static VisitRefusal? Refuse(HouseholdVisitRequest request, VisitedHousehold? household, string workerScope, DateOnly today) => request switch
    {
        _ when household is null || household.Id != request.HouseholdId => new("householdId", "找不到该户，或该户不在您的网格内"),
        _ when !household.GridCode.StartsWith(workerScope, StringComparison.Ordinal) => new("householdId", "该户不在您负责的网格内，不能登记走访"),
        { VisitedOn: null } => new("visitedOn", "请填写走访日期"),
        { VisitedOn: { } day } when day > today => new("visitedOn", "走访日期不能晚于今天"),
        { VisitedOn: { } day } when day < today.AddDays(-MaxDaysBack) => new("visitedOn", $"只能补记 {MaxDaysBack} 天内的走访"),
        { NoOneHome: true, MetResidentId: not null } => new("metResidentId", "选择了“无人在家”，就不能再选见到的家庭成员"),
        { NoOneHome: false, MetResidentId: null } => new("metResidentId", "请选择见到的家庭成员，或勾选“无人在家”"),
        { NoOneHome: false, MetResidentId: { } met } when !household.MemberIds.Contains(met) => new("metResidentId", "所选人员不是该户的成员"),
        _ when string.IsNullOrWhiteSpace(request.Situation) => new("situation", "请填写走访情况"),
        { Situation.Length: > HouseholdVisitRequest.MaxSituationLength } => new("situation", $"走访情况不超过 {HouseholdVisitRequest.MaxSituationLength} 字"),
        _ => null,
    };
}
