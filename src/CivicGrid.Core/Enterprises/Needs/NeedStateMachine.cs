namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>
/// The one table of legal moves of a need. A move not listed is refused; the guards that depend on the need's data,
/// the offer and the command are checked by <see cref="NeedGuards"/>.
/// </summary>
public static class NeedStateMachine
{
    private static readonly Dictionary<(NeedStatus From, NeedAction Action), NeedStatus> Moves = new()
    {
        [(NeedStatus.Raised, NeedAction.Match)] = NeedStatus.Matched,
        [(NeedStatus.Raised, NeedAction.Escalate)] = NeedStatus.Escalated,
        [(NeedStatus.Raised, NeedAction.Withdraw)] = NeedStatus.Withdrawn,
        [(NeedStatus.Matched, NeedAction.Release)] = NeedStatus.Raised,
        [(NeedStatus.Matched, NeedAction.RecordOutcome)] = NeedStatus.Resolved,
        [(NeedStatus.Matched, NeedAction.Withdraw)] = NeedStatus.Withdrawn,
        // The case loop's result comes back as the need's outcome; its own rework and rating stay in the loop.
        [(NeedStatus.Escalated, NeedAction.RecordOutcome)] = NeedStatus.Resolved,
        [(NeedStatus.Resolved, NeedAction.Rate)] = NeedStatus.Rated,
    };

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or null when the move is illegal.</summary>
    public static NeedStatus? Target(NeedStatus from, NeedAction action) => Moves.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The actions the table allows from a state, for showing the buttons that can work.</summary>
    public static IEnumerable<NeedAction> ActionsFrom(NeedStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    /// <summary>Why the table refuses a move, in the words a user would look for.</summary>
    public static string Refusal(NeedStatus from, NeedAction action) => (from, action) switch
    {
        (NeedStatus.Rated, NeedAction.Rate) => "该需求已评价过",
        (_, NeedAction.Rate) => "登记办理结果后才能评价",
        (NeedStatus.Matched, NeedAction.Match) => "该需求已对接，请先取消原对接",
        (NeedStatus.Raised, NeedAction.RecordOutcome) => "尚未对接或转办，不能登记办理结果",
        _ => $"当前状态“{from.ChineseName()}”不能执行“{action.ChineseName()}”",
    };
}
