namespace CivicGrid.Core.Cases;

/// <summary>
/// The month, item, department and summed <see cref="IndicatorCounts"/> that every row of the indicator roll-ups holds,
/// whatever place the row is kept for.
/// </summary>
public abstract class CaseMonthlyCounts
{
    /// <summary>The month of receipt in China time, as "yyyy-MM".</summary>
    public required string Month { get; set; }
    public required string ItemCode { get; set; }
    /// <summary>The department the cases are dispatched to; empty when none.</summary>
    public required string DepartmentCode { get; set; }
    public long Received { get; set; }
    public long RespondedOnTime { get; set; }
    public long Accepted { get; set; }
    public long Due { get; set; }
    public long Resolved { get; set; }
    public long Closed { get; set; }
    public long ClosedOnTime { get; set; }
    public long Reworked { get; set; }
    public long Extended { get; set; }
    public long Rated { get; set; }
    public long Satisfied { get; set; }
    public long BasicallySatisfied { get; set; }

    public IndicatorCounts Counts => new(Received, RespondedOnTime, Accepted, Due, Resolved, Closed, ClosedOnTime, Reworked, Extended, Rated, Satisfied, BasicallySatisfied);
}

/// <summary>
/// One row of the indicator roll-up: the summed <see cref="IndicatorCounts"/> of the cases received in one month in one
/// grid for one item and department. Every move of a case applies its difference here in the same transaction.
/// </summary>
public sealed class CaseMonthlyStat : CaseMonthlyCounts
{
    public required string GridCode { get; set; }
}

/// <summary>
/// The same roll-up summed per street (街道诉求统计), moved by the same differences in the same transaction: a district's
/// report reads one row per street, not one per grid.
/// </summary>
public sealed class CaseMonthlyStreetStat : CaseMonthlyCounts
{
    public required string StreetCode { get; set; }
}

/// <summary>A resident backing an open case instead of raising a duplicate (附议).</summary>
public sealed class CaseSupport
{
    public int CaseId { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A photo or document kept with a case or one of its timeline entries, with a runner's visit to a firm (扫楼走访), or
/// with a cadre's month of a major project (项目进度); the bytes live in the data directory.
/// </summary>
public sealed class CaseAttachment
{
    public required string Id { get; set; }
    public int? CaseId { get; set; }
    public int? VisitId { get; set; }
    /// <summary>The project progress record the photo was taken for: whoever sees the project sees it.</summary>
    public int? ProgressId { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
