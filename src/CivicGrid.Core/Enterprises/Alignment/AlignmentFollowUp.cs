using CivicGrid.Core.Access;

namespace CivicGrid.Core.Enterprises.Alignment;

/// <summary>
/// The follow-up of one firm whose registered and office addresses differ (注册地与办公地一致): staff contact it, it
/// aligns or cannot (with the reason). A firm found differing with no follow-up yet stands at
/// <see cref="AlignmentStatus.ToContact"/>. Every step goes through <see cref="Apply"/> and leaves an
/// <see cref="AlignmentStep"/> with who, when and a note.
/// </summary>
public sealed class AlignmentFollowUp
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int EnterpriseId { get; private set; }
    public AlignmentStatus Status { get; private set; } = AlignmentStatus.ToContact;
    /// <summary>Why the firm cannot align, while it cannot.</summary>
    public string? Reason { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? AlignedAt { get; private set; }
    public int Version { get; private set; }
    public List<AlignmentStep> Steps { get; private set; } = [];

    public static AlignmentFollowUp Start(int enterpriseId, DateTime nowUtc) => new() { EnterpriseId = enterpriseId, StartedAt = nowUtc, UpdatedAt = nowUtc };

    /// <summary>Applies a step, or returns why it is refused (in Chinese) and leaves the follow-up untouched.</summary>
    public string? Apply(AlignmentAction action, string actor, string? note, DateTime nowUtc)
    {
        var target = AlignmentStateMachine.Target(Status, action);
        if (target is null)
        {
            return AlignmentStateMachine.Refusal(Status, action);
        }
        if (Guard(action, note) is { } refusal)
        {
            return refusal;
        }
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Steps.Add(new AlignmentStep { At = nowUtc, Action = action, From = Status, To = target.Value, Actor = actor, Note = trimmed });
        Reason = target == AlignmentStatus.CannotAlign ? trimmed : null;
        AlignedAt = target == AlignmentStatus.Aligned ? nowUtc : AlignedAt;
        Status = target.Value;
        UpdatedAt = nowUtc;
        Version++;
        return null;
    }

    public IEnumerable<AlignmentAction> AvailableActions() => AlignmentStateMachine.ActionsFrom(Status);

    private static string? Guard(AlignmentAction action, string? note) => action switch
    {
        _ when note?.Length > MaxNoteLength => $"跟进说明不超过 {MaxNoteLength} 字",
        AlignmentAction.GiveUp when string.IsNullOrWhiteSpace(note) => "请填写无法一致的原因",
        AlignmentAction.Note or AlignmentAction.Reopen when string.IsNullOrWhiteSpace(note) => "请填写跟进说明",
        _ => null,
    };
}

/// <summary>One step of a follow-up (跟进记录).</summary>
public sealed class AlignmentStep
{
    public long Id { get; set; }
    public int FollowUpId { get; set; }
    public DateTime At { get; set; }
    public AlignmentAction Action { get; set; }
    public AlignmentStatus From { get; set; }
    public AlignmentStatus To { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}

/// <summary>Who follows firms up: those who keep the lists and the runners who visit them; anyone who sees enterprises sees the list.</summary>
public static class AlignmentPermissions
{
    public static bool MayFollowUp(this StaffRole role) => role.May(Permission.KeepEnterpriseLists) || role.May(Permission.SweepBuildings);

    public static bool MaySee(this StaffRole role) => role.May(Permission.SeeEnterprises);

    public const string Refusal = "当前角色无权办理此操作";
}
