namespace CivicGrid.Core.Cases;

/// <summary>
/// Whether a timeline is one the state machine could have written: it starts with the receipt, each entry is a legal
/// move from where the one before left the case, nobody verifies what they resolved, and it ends where the case stands.
/// Used to check histories that were not written move by move, such as the demo's.
/// </summary>
public static class CaseTimeline
{
    /// <summary>The first thing wrong with <paramref name="timeline"/> (in time order), in Chinese, or null when it replays.</summary>
    public static string? Problem(IReadOnlyList<CaseEvent> timeline, CaseStatus current)
    {
        if (timeline.Count == 0 || timeline[0] is not { Action: CaseAction.Receive, To: CaseStatus.Received })
        {
            return "办理轨迹不是从提交诉求开始";
        }
        var resolvedFrom = CaseStatus.Handling;
        string? resolver = null;
        for (var i = 1; i < timeline.Count; i++)
        {
            var (before, e) = (timeline[i - 1], timeline[i]);
            if (Step(before, e, resolvedFrom, resolver) is { } problem)
            {
                return $"第 {i + 1} 条记录：{problem}";
            }
            if (e.Action == CaseAction.Resolve)
            {
                (resolvedFrom, resolver) = (e.From, e.Actor);
            }
        }
        return timeline[^1].To == current ? null : $"办理轨迹止于“{timeline[^1].To.ChineseName()}”，诉求却是“{current.ChineseName()}”";
    }

    private static string? Step(CaseEvent before, CaseEvent e, CaseStatus resolvedFrom, string? resolver)
    {
        if (e.From != before.To)
        {
            return $"从“{e.From.ChineseName()}”开始，上一条止于“{before.To.ChineseName()}”";
        }
        if (e.At < before.At)
        {
            return "时间早于上一条";
        }
        var target = CaseStateMachine.Target(e.From, e.Action, resolvedFrom);
        // An unsatisfied rating reopens the case; the table lists the rating's usual target.
        var reopenedByRating = e.Action == CaseAction.Rate && e.To == CaseStatus.Accepted;
        if (target is null || (e.To != target && !reopenedByRating))
        {
            return $"“{e.Action.ChineseName()}”不能使诉求从“{e.From.ChineseName()}”变为“{e.To.ChineseName()}”";
        }
        return e.Action is CaseAction.Verify or CaseAction.FailVerification && e.Actor == resolver ? "办结人核查了自己办结的诉求" : null;
    }
}
