namespace CivicGrid.Core.Activities;

/// <summary>
/// Which moves each session status allows: a draft is published or dropped; a published session is cancelled or,
/// from its day on, held when the organiser confirms attendance; held and cancelled sessions take no move.
/// </summary>
public static class SessionStateMachine
{
    private static readonly Dictionary<(SessionStatus From, SessionAction Action), SessionStatus> Moves = new()
    {
        [(SessionStatus.Draft, SessionAction.Publish)] = SessionStatus.Published,
        [(SessionStatus.Draft, SessionAction.Cancel)] = SessionStatus.Cancelled,
        [(SessionStatus.Published, SessionAction.Cancel)] = SessionStatus.Cancelled,
        [(SessionStatus.Published, SessionAction.ConfirmAttendance)] = SessionStatus.Held,
    };

    public static IEnumerable<SessionAction> ActionsFrom(SessionStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    /// <summary>The status the move leads to, or the Chinese reason it is refused.</summary>
    public static (SessionStatus? To, string? Refusal) Apply(SessionStatus from, SessionAction action, DateOnly sessionDay, DateOnly today)
    {
        if (!Moves.TryGetValue((from, action), out var to))
        {
            return (null, from switch
            {
                SessionStatus.Held => "本场已举办并确认出席，不能再" + action.ChineseName(),
                SessionStatus.Cancelled => "本场已取消，不能再" + action.ChineseName(),
                SessionStatus.Draft => "本场尚未发布，不能确认出席",
                _ => $"当前状态“{from.ChineseName()}”不能{action.ChineseName()}",
            });
        }
        if (action == SessionAction.ConfirmAttendance && sessionDay > today)
        {
            return (null, $"本场在{sessionDay:yyyy-MM-dd}举行，举办后才能确认出席");
        }
        return (to, null);
    }
}
