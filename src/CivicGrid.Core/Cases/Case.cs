namespace CivicGrid.Core.Cases;

/// <summary>
/// A resident's need or complaint (诉求) and its closed loop. Every change goes through <see cref="Apply"/>, which
/// checks the move against <see cref="CaseStateMachine"/> and its guards and appends one entry to the timeline.
/// </summary>
public sealed class Case
{
    public int Id { get; set; }
    public required string ItemCode { get; set; }
    public required string GridCode { get; set; }
    public required string Description { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public CaseSource Source { get; set; }
    /// <summary>The account that raised it, or recorded it for a resident on a visit.</summary>
    public string? SubmitterId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public byte[]? ContactPhoneCipher { get; set; }
    public string? ContactPhoneMasked { get; set; }
    /// <summary>The answers to the item's extra questions, as a JSON object of code → value.</summary>
    public string? AttributesJson { get; set; }
    /// <summary>The token an Open311 client gets back before the case has an id of its own to show.</summary>
    public string? Token { get; set; }

    public CaseStatus Status { get; private set; } = CaseStatus.Received;
    public HandlingLevel Level { get; set; }
    /// <summary>The handling state a resolution came from; failed verification sends the case back there.</summary>
    public CaseStatus ResolvedFrom { get; private set; } = CaseStatus.Handling;
    public string? DepartmentCode { get; private set; }
    public int? DeliberationDayId { get; private set; }
    public int? MergedIntoId { get; private set; }

    public DateTime ReceivedAt { get; private set; }
    public DateTime RespondBy { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? ResolveBy { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>The deadline the sweeper last reminded about, so each deadline is reminded once.</summary>
    public DateTime? RemindedFor { get; private set; }
    /// <summary>The deadline the sweeper last pressed or escalated for, so each missed deadline is acted on once.</summary>
    public DateTime? OverdueFor { get; private set; }

    /// <summary>Set when the response deadline passed unanswered; a later escalation's fresh deadline does not make the answer timely.</summary>
    public bool ResponseMissed { get; private set; }
    public int ReworkCount { get; private set; }
    public int ExtensionCount { get; private set; }
    public int PressCount { get; private set; }
    public int EscalationCount { get; private set; }
    public int SupportCount { get; set; }
    public int? PendingExtensionDays { get; private set; }
    public CaseRating? Rating { get; private set; }
    public DateTime? RatedAt { get; private set; }
    public int? ProcessScore { get; private set; }
    public int? ResultScore { get; private set; }
    /// <summary>Raised on every move; concurrent moves of one case fail on it instead of both succeeding.</summary>
    public int Version { get; private set; }

    public List<CaseEvent> Timeline { get; set; } = [];

    public string OwnerCode => Level.OwnerCode(GridCode);

    /// <summary>Whether the resident already rated the current closure; a reopened and closed-again case may be rated anew.</summary>
    public bool IsRated => RatedAt >= ClosedAt;

    /// <summary>
    /// Who made the latest resolution, from the timeline (so a case read without its timeline knows nobody): the one
    /// person who may not verify it.
    /// </summary>
    public string? ResolvedBy => Timeline.OrderBy(e => e.At).LastOrDefault(e => e.Action == CaseAction.Resolve && e.To == CaseStatus.Resolved)?.Actor;

    /// <summary>The deadline now running: the response deadline until someone answers, then the resolution deadline.</summary>
    public DateTime? CurrentDeadline => Status == CaseStatus.Received ? RespondBy : Status.IsInHand() ? ResolveBy : null;

    /// <summary>Starts the loop: the case is received at its item's first level, with its response deadline set.</summary>
    public CaseEvent Receive(CaseRules rules, string actor, string? note = null)
    {
        ReceivedAt = rules.NowUtc;
        Level = rules.Item.FirstLevel;
        RespondBy = rules.Calendar.Add(rules.NowUtc, rules.Item.ResponseDeadline);
        return Record(new CaseCommand(CaseAction.Receive, actor, note), CaseStatus.Received, rules.NowUtc);
    }

    /// <summary>Applies a move, or returns why it is refused (in Chinese) and leaves the case untouched.</summary>
    public string? Apply(CaseCommand command, CaseRules rules)
    {
        var target = CaseStateMachine.Target(Status, command.Action, ResolvedFrom);
        if (target is null)
        {
            return $"当前状态“{Status.ChineseName()}”不能执行“{command.Action.ChineseName()}”";
        }
        var refusal = CaseGuards.Check(this, command, rules);
        if (refusal is not null)
        {
            return refusal;
        }
        var to = command is { Action: CaseAction.Rate, Rating: CaseRating.Unsatisfied } ? CaseStatus.Accepted : target.Value;
        Effect(command, rules);
        Record(command, to, rules.NowUtc);
        return null;
    }

    /// <summary>The moves the table and the case's data allow this actor now, before any form is filled in: the buttons to offer.</summary>
    public IEnumerable<CaseAction> AvailableActions(string actor, CaseRules rules) =>
        CaseStateMachine.ActionsFrom(Status).Where(a => CaseGuards.Blocks(this, a, actor, rules) is null);

    private void Effect(CaseCommand command, CaseRules rules)
    {
        var now = rules.NowUtc;
        switch (command.Action)
        {
            case CaseAction.Accept:
                AcceptedAt ??= now;
                RespondedAt ??= now;
                ResolveBy = rules.Calendar.Add(now, rules.Item.ResolveDeadline);
                break;
            case CaseAction.Reject:
                RespondedAt ??= now;
                break;
            case CaseAction.PutOnAgenda:
                DeliberationDayId = command.DeliberationDayId;
                break;
            case CaseAction.Dispatch:
                DepartmentCode = command.DepartmentCode;
                break;
            case CaseAction.Return:
                DepartmentCode = null;
                break;
            case CaseAction.Resolve:
                ResolvedFrom = Status;
                ResolvedAt = now;
                break;
            case CaseAction.FailVerification:
                ReworkCount++;
                ResolvedAt = null;
                break;
            case CaseAction.Close:
                ClosedAt = now;
                break;
            case CaseAction.Rate:
                Rate(command.Rating!.Value, rules);
                break;
            case CaseAction.Evaluate:
                ProcessScore = command.ProcessScore;
                ResultScore = command.ResultScore;
                break;
            case CaseAction.Reopen:
                Reopen(rules);
                break;
            case CaseAction.Escalate:
                Escalate(rules);
                break;
            case CaseAction.Press:
                PressCount++;
                ResponseMissed |= Status == CaseStatus.Received && RespondBy <= now;
                OverdueFor = CurrentDeadline <= now ? CurrentDeadline : OverdueFor;
                break;
            case CaseAction.Remind:
                RemindedFor = ResolveBy;
                break;
            case CaseAction.RequestExtension:
                PendingExtensionDays = command.ExtensionDays;
                break;
            case CaseAction.ApproveExtension:
                ResolveBy = rules.Calendar.EndOfWorkingDay(ResolveBy ?? now, PendingExtensionDays!.Value);
                ExtensionCount++;
                PendingExtensionDays = null;
                break;
            case CaseAction.DenyExtension:
                PendingExtensionDays = null;
                break;
            case CaseAction.Merge:
                MergedIntoId = command.MergeInto;
                break;
        }
    }

    private void Rate(CaseRating rating, CaseRules rules)
    {
        Rating = rating;
        RatedAt = rules.NowUtc;
        if (rating == CaseRating.Unsatisfied)
        {
            Reopen(rules);
        }
    }

    private void Reopen(CaseRules rules)
    {
        ClosedAt = null;
        ResolvedAt = null;
        ProcessScore = null;
        ResultScore = null;
        DepartmentCode = null;
        ResolveBy = rules.Calendar.Add(rules.NowUtc, rules.Item.ResolveDeadline);
        OverdueFor = null;
        RemindedFor = null;
    }

    private void Escalate(CaseRules rules)
    {
        Level = Level.Next()!.Value;
        EscalationCount++;
        if (Status == CaseStatus.Received)
        {
            ResponseMissed |= RespondBy <= rules.NowUtc;
            OverdueFor = RespondBy <= rules.NowUtc ? RespondBy : OverdueFor;
            RespondBy = rules.Calendar.Add(rules.NowUtc, rules.Item.ResponseDeadline);
        }
        else if (ResolveBy is { } due && due <= rules.NowUtc)
        {
            OverdueFor = due;
        }
    }

    private CaseEvent Record(CaseCommand command, CaseStatus target, DateTime at)
    {
        var entry = new CaseEvent
        {
            CaseId = Id,
            At = at,
            Action = command.Action,
            From = Status,
            To = target,
            Level = Level,
            Actor = command.Actor,
            Note = command.Action == CaseAction.Rate && command.Rating is { } r ? Join(r.ChineseName(), command.Note) : command.Note,
            Attachments = command.Attachments.Count == 0 ? null : string.Join(',', command.Attachments),
            PublicNote = command.PublicNote,
        };
        Status = target;
        UpdatedAt = at;
        Version++;
        Timeline.Add(entry);
        return entry;
    }

    private static string Join(string head, string? tail) => string.IsNullOrWhiteSpace(tail) ? head : $"{head}：{tail}";

    /// <summary>The actor name the deadline service acts under.</summary>
    public const string SystemActor = "系统";
}
