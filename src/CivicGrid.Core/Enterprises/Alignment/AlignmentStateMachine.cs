namespace CivicGrid.Core.Enterprises.Alignment;

/// <summary>The table of a follow-up's legal steps.</summary>
public static class AlignmentStateMachine
{
    private static readonly Dictionary<(AlignmentStatus From, AlignmentAction Action), AlignmentStatus> Moves = new()
    {
        [(AlignmentStatus.ToContact, AlignmentAction.Contact)] = AlignmentStatus.Contacted,
        [(AlignmentStatus.ToContact, AlignmentAction.GiveUp)] = AlignmentStatus.CannotAlign,
        [(AlignmentStatus.ToContact, AlignmentAction.Note)] = AlignmentStatus.ToContact,
        [(AlignmentStatus.Contacted, AlignmentAction.StartAligning)] = AlignmentStatus.Aligning,
        [(AlignmentStatus.Contacted, AlignmentAction.ConfirmAligned)] = AlignmentStatus.Aligned,
        [(AlignmentStatus.Contacted, AlignmentAction.GiveUp)] = AlignmentStatus.CannotAlign,
        [(AlignmentStatus.Contacted, AlignmentAction.Note)] = AlignmentStatus.Contacted,
        [(AlignmentStatus.Aligning, AlignmentAction.ConfirmAligned)] = AlignmentStatus.Aligned,
        [(AlignmentStatus.Aligning, AlignmentAction.GiveUp)] = AlignmentStatus.CannotAlign,
        [(AlignmentStatus.Aligning, AlignmentAction.Note)] = AlignmentStatus.Aligning,
        [(AlignmentStatus.CannotAlign, AlignmentAction.Reopen)] = AlignmentStatus.Contacted,
    };

    public static AlignmentStatus? Target(AlignmentStatus from, AlignmentAction action) => Moves.TryGetValue((from, action), out var to) ? to : null;

    public static IEnumerable<AlignmentAction> ActionsFrom(AlignmentStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    public static string Refusal(AlignmentStatus from, AlignmentAction action) => (from, action) switch
    {
        (AlignmentStatus.Aligned, _) => "该企业注册地与办公地已一致，无需再跟进",
        (AlignmentStatus.ToContact, AlignmentAction.StartAligning or AlignmentAction.ConfirmAligned) => "请先联系企业",
        _ => $"当前状态“{from.ChineseName()}”不能执行“{action.ChineseName()}”",
    };
}
