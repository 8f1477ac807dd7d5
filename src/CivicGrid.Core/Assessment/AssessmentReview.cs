namespace CivicGrid.Core.Assessment;

public enum ReviewPeriodKind
{
    Monthly,
    Quarterly,
}

public enum ReviewStatus
{
    Draft,
    Published,
}

/// <summary>
/// One run of a scheme over a period (月评、季评): computed as a draft, published by the district, and from then on never
/// changed. A mistake found later is put right by a new review that names the one it corrects.
/// </summary>
public sealed class AssessmentReview
{
    public const string Immutable = "已发布的考核结果不能修改；如需更正，请生成一次更正考核";

    public int Id { get; set; }
    public int SchemeVersionId { get; set; }
    public ReviewPeriodKind PeriodKind { get; set; }
    /// <summary>The first day of the month or quarter.</summary>
    public DateOnly PeriodStart { get; set; }
    public ReviewStatus Status { get; set; }
    public int? CorrectsReviewId { get; set; }
    public required string ComputedBy { get; set; }
    public DateTime ComputedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }

    public DateOnly PeriodEnd => PeriodKind == ReviewPeriodKind.Monthly ? PeriodStart.AddMonths(1) : PeriodStart.AddMonths(3);

    /// <summary>Publishes a draft; a published review is refused with <see cref="Immutable"/>.</summary>
    public string? Publish(string by, DateTime at)
    {
        if (Status == ReviewStatus.Published)
        {
            return Immutable;
        }
        (Status, PublishedBy, PublishedAt) = (ReviewStatus.Published, by, at);
        return null;
    }

    /// <summary>Whether a period's start is valid: the first of a month, and of a quarter's first month for a quarter.</summary>
    public static string? PeriodRefusal(ReviewPeriodKind kind, DateOnly start, DateOnly today) =>
        start.Day != 1 ? "考核期应从某月 1 日开始"
        : kind == ReviewPeriodKind.Quarterly && QuarterStart(start) != start ? "季度考核应从 1、4、7、10 月开始"
        : start > today ? "考核期尚未开始"
        : null;

    /// <summary>The first and the last day of a period.</summary>
    public static (DateOnly First, DateOnly Last) Days(ReviewPeriodKind kind, DateOnly start) =>
        (start, start.AddMonths(kind == ReviewPeriodKind.Monthly ? 1 : 3).AddDays(-1));

    /// <summary>The first day of the quarter a day falls in.</summary>
    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
}

public enum ObjectionStatus
{
    Open,
    Upheld,
    Rejected,
}

/// <summary>
/// A unit's objection to its published result (异议): filed with a reason within <see cref="FilingDays"/> days of
/// publication, one open at a time per unit and review; the district answers it, upholding (and correcting by a new
/// review) or rejecting, always with a reply.
/// </summary>
public sealed class ReviewObjection
{
    public const int FilingDays = 10;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public required string UnitCode { get; set; }
    public required string Reason { get; set; }
    public required string FiledBy { get; set; }
    public DateTime FiledAt { get; set; }
    public ObjectionStatus Status { get; set; }
    public string? Reply { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }

    public static string? FilingRefusal(AssessmentReview review, bool unitInReview, bool alreadyOpen, string? reason, DateTime at) =>
        review.Status != ReviewStatus.Published ? "考核结果尚未发布，不能提出异议"
        : !unitInReview ? "本单位不在这次考核中"
        : at > review.PublishedAt!.Value.AddDays(FilingDays) ? $"异议应在结果发布后 {FilingDays} 天内提出"
        : alreadyOpen ? "本单位对这次考核已有一条异议在处理中"
        : string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10 ? "请写明异议理由（至少 10 个字）"
        : null;

    /// <summary>Answers an open objection; the reply is required either way.</summary>
    public string? Answer(bool uphold, string? reply, string by, DateTime at)
    {
        if (Status != ObjectionStatus.Open)
        {
            return "该异议已答复";
        }
        if (string.IsNullOrWhiteSpace(reply) || reply.Trim().Length < 4)
        {
            return "请写明答复内容（至少 4 个字）";
        }
        (Status, Reply, AnsweredBy, AnsweredAt) = (uphold ? ObjectionStatus.Upheld : ObjectionStatus.Rejected, reply.Trim(), by, at);
        return null;
    }
}
