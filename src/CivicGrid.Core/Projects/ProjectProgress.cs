using CivicGrid.Core.Enterprises;

namespace CivicGrid.Core.Projects;

/// <summary>What a cadre fills in on the phone for a month of a project (项目进度).</summary>
public sealed record ProgressRequest(int ProjectId, DateOnly Month, Money InvestmentDone)
{
    /// <summary>A stage reached this month, recorded on the project through <see cref="ProjectAction.ReachStage"/>.</summary>
    public ProjectStage? StageReached { get; init; }
    public DateOnly? StageReachedOn { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Photos { get; init; } = [];
    /// <summary>The cadre confirms an investment the check finds implausible.</summary>
    public bool Confirmed { get; init; }

    public const int MaxNoteLength = 1000;
    public const int MaxPhotos = 9;
}

/// <summary>What the project has recorded before: the investment of all months, and of the request's month.</summary>
public sealed record ProgressSoFar(Money Cumulative, Money ThisMonth);

/// <summary>
/// Why a progress record is not taken: a refusal, or a warning the cadre may confirm (an investment far above plan is
/// more often a slip of the unit than a fact, so it is never taken silently).
/// </summary>
public sealed record ProgressVerdict(string? Refusal, string? Warning)
{
    public bool NeedsConfirmation => Refusal is null && Warning is not null;
}

/// <summary>A month's progress of a project: investment done, the stage reached, a note and photos.</summary>
public sealed class ProjectProgress
{
    /// <summary>Cumulative investment above this many times the planned total is implausible.</summary>
    public const decimal CumulativeFactor = 1.5m;
    /// <summary>A month above this many times the year plan's monthly average is implausible.</summary>
    public const decimal MonthFactor = 5m;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>The first day of the month reported.</summary>
    public DateOnly Month { get; set; }
    public Money InvestmentDone { get; set; }
    public ProjectStage? StageReached { get; set; }
    public string? Note { get; set; }
    /// <summary>Ids of the stored photos (the case attachment store).</summary>
    public List<string> Photos { get; set; } = [];
    /// <summary>Whether the cadre confirmed an investment the check warned of.</summary>
    public bool Confirmed { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// Checks a month's record against the project and what it recorded before; returns the record, or a refusal, or a
    /// warning to confirm. <paramref name="yearPlan"/> is the planned investment of the month's year, if any.
    /// </summary>
    public static (ProjectProgress? Progress, ProgressVerdict? Verdict) Record(
        ProgressRequest request, MajorProject project, ProgressSoFar soFar, Money? yearPlan, string actor, DateOnly today, DateTime nowUtc)
    {
        if (Refusal(request, project, today) is { } refusal)
        {
            return (null, new(refusal, null));
        }
        if (!request.Confirmed && Warning(request, project, soFar, yearPlan) is { } warning)
        {
            return (null, new(null, warning));
        }
        return (new ProjectProgress
        {
            ProjectId = project.Id, Month = request.Month, InvestmentDone = request.InvestmentDone, StageReached = request.StageReached,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), Photos = [.. request.Photos],
            Confirmed = request.Confirmed, RecordedBy = actor, RecordedAt = nowUtc,
        }, null);
    }

    private static string? Refusal(ProgressRequest r, MajorProject p, DateOnly today) => r switch
    {
        _ when p.Status == ProjectStatus.Terminated => "项目已终止，不能再填报进度",
        { Month.Day: not 1 } => "月份应为某月 1 日",
        _ when r.Month > new DateOnly(today.Year, today.Month, 1) => "不能填报未来月份的进度",
        _ when p.SignedOn is { } signed && r.Month < new DateOnly(signed.Year, signed.Month, 1) => $"项目于 {p.SignedOn:yyyy-MM-dd} 签约，不能填报此前月份的进度",
        { InvestmentDone.Fen: < 0 } => "本月完成投资不能为负数",
        { Note.Length: > ProgressRequest.MaxNoteLength } => $"进度说明不超过 {ProgressRequest.MaxNoteLength} 字",
        { Photos.Count: > ProgressRequest.MaxPhotos } => $"照片最多 {ProgressRequest.MaxPhotos} 张",
        { StageReached: not null, StageReachedOn: null } => "请填写达到该阶段的实际日期",
        _ => null,
    };

    private static string? Warning(ProgressRequest r, MajorProject p, ProgressSoFar soFar, Money? yearPlan)
    {
        var cumulative = soFar.Cumulative + r.InvestmentDone;
        if (cumulative.Fen > p.PlannedInvestment.Fen * CumulativeFactor)
        {
            return $"累计完成投资 {Wan(cumulative)} 万元，超过计划总投资 {Wan(p.PlannedInvestment)} 万元的 {Number(CumulativeFactor)} 倍，请核对金额单位（万元）；确认无误请勾选“确认金额无误”后再提交";
        }
        var month = soFar.ThisMonth + r.InvestmentDone;
        if (yearPlan is { IsPositive: true } plan && month.Fen > plan.Fen / 12m * MonthFactor)
        {
            return $"本月完成投资 {Wan(month)} 万元，超过 {r.Month.Year} 年计划月均 {Wan(new Money(plan.Fen / 12))} 万元的 {Number(MonthFactor)} 倍，请核对；确认无误请勾选“确认金额无误”后再提交";
        }
        return null;
    }

    private static string Wan(Money m) => Number(m.InTenThousandYuan);

    private static string Number(decimal value) => value.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
