namespace CivicGrid.Core.Cases;

/// <summary>
/// The one table of legal moves. A move not listed here is refused; the guards that depend on a case's data
/// (a reason given, a pending extension, a level left to escalate to) are checked by <see cref="Case"/>.
/// </summary>
public static class CaseStateMachine
{
    /// <summary>Stands for "the handling state the case was resolved from", the target of rework.</summary>
    private const CaseStatus Previous = (CaseStatus)(-1);

    private static readonly CaseStatus[] InHand = [CaseStatus.Accepted, CaseStatus.Handling, CaseStatus.OnAgenda, CaseStatus.Dispatched];

    private static readonly Dictionary<(CaseStatus From, CaseAction Action), CaseStatus> Moves = Build();

    private static Dictionary<(CaseStatus, CaseAction), CaseStatus> Build()
    {
        var moves = new Dictionary<(CaseStatus, CaseAction), CaseStatus>
        {
            [(CaseStatus.Received, CaseAction.Accept)] = CaseStatus.Accepted,
            [(CaseStatus.Received, CaseAction.Reject)] = CaseStatus.Rejected,
            [(CaseStatus.Received, CaseAction.Escalate)] = CaseStatus.Received,
            [(CaseStatus.Received, CaseAction.Merge)] = CaseStatus.Merged,
            [(CaseStatus.Received, CaseAction.Press)] = CaseStatus.Received,
            [(CaseStatus.Accepted, CaseAction.Handle)] = CaseStatus.Handling,
            [(CaseStatus.Accepted, CaseAction.PutOnAgenda)] = CaseStatus.OnAgenda,
            [(CaseStatus.Accepted, CaseAction.Dispatch)] = CaseStatus.Dispatched,
            [(CaseStatus.Accepted, CaseAction.Merge)] = CaseStatus.Merged,
            [(CaseStatus.Handling, CaseAction.PutOnAgenda)] = CaseStatus.OnAgenda,
            [(CaseStatus.Handling, CaseAction.Dispatch)] = CaseStatus.Dispatched,
            [(CaseStatus.OnAgenda, CaseAction.Dispatch)] = CaseStatus.Dispatched,
            [(CaseStatus.Dispatched, CaseAction.Return)] = CaseStatus.Accepted,
            // Re-dispatch, only away from a department that was retired (a guard).
            [(CaseStatus.Dispatched, CaseAction.Dispatch)] = CaseStatus.Dispatched,
            [(CaseStatus.Resolved, CaseAction.Verify)] = CaseStatus.Verified,
            [(CaseStatus.Resolved, CaseAction.FailVerification)] = Previous,
            [(CaseStatus.Verified, CaseAction.Close)] = CaseStatus.Closed,
            [(CaseStatus.Closed, CaseAction.Rate)] = CaseStatus.Closed,
            [(CaseStatus.Closed, CaseAction.Evaluate)] = CaseStatus.Evaluated,
            [(CaseStatus.Closed, CaseAction.Reopen)] = CaseStatus.Accepted,
            [(CaseStatus.Evaluated, CaseAction.Rate)] = CaseStatus.Evaluated,
            [(CaseStatus.Evaluated, CaseAction.Reopen)] = CaseStatus.Accepted,
        };
        foreach (var state in InHand)
        {
            moves[(state, CaseAction.Press)] = state;
            moves[(state, CaseAction.Remind)] = state;
            moves[(state, CaseAction.RequestExtension)] = state;
            moves[(state, CaseAction.ApproveExtension)] = state;
            moves[(state, CaseAction.DenyExtension)] = state;
            if (state != CaseStatus.Accepted)
            {
                moves[(state, CaseAction.Resolve)] = CaseStatus.Resolved;
            }
            if (state != CaseStatus.Dispatched)
            {
                moves[(state, CaseAction.Escalate)] = CaseStatus.Accepted;
            }
        }
        foreach (var state in CaseNames.Open)
        {
            moves[(state, CaseAction.HandOver)] = state;
        }
        return moves;
    }

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or null when the move is illegal.</summary>
    public static CaseStatus? Target(CaseStatus from, CaseAction action, CaseStatus resolvedFrom) =>
        Moves.TryGetValue((from, action), out var to) ? (to == Previous ? resolvedFrom : to) : null;

    /// <summary>The actions the table allows from a state, for showing the buttons that can work.</summary>
    public static IEnumerable<CaseAction> ActionsFrom(CaseStatus from) =>
        Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    public static IEnumerable<CaseStatus> States => Enum.GetValues<CaseStatus>();
}
