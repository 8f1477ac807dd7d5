namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>The table of a challenge's legal moves; the guards on who may make them are in <see cref="ChallengeGuards"/>.</summary>
public static class ChallengeStateMachine
{
    private static readonly Dictionary<(ChallengeStatus From, ChallengeAction Action), ChallengeStatus> Moves = new()
    {
        [(ChallengeStatus.Published, ChallengeAction.Claim)] = ChallengeStatus.Claimed,
        [(ChallengeStatus.Published, ChallengeAction.Withdraw)] = ChallengeStatus.Withdrawn,
        [(ChallengeStatus.Claimed, ChallengeAction.Abandon)] = ChallengeStatus.Published,
        [(ChallengeStatus.Claimed, ChallengeAction.Deliver)] = ChallengeStatus.Delivered,
        [(ChallengeStatus.Claimed, ChallengeAction.Withdraw)] = ChallengeStatus.Withdrawn,
        [(ChallengeStatus.Delivered, ChallengeAction.Reject)] = ChallengeStatus.Claimed,
        [(ChallengeStatus.Delivered, ChallengeAction.Evaluate)] = ChallengeStatus.Evaluated,
    };

    public static ChallengeStatus? Target(ChallengeStatus from, ChallengeAction action) => Moves.TryGetValue((from, action), out var to) ? to : null;

    public static IEnumerable<ChallengeAction> ActionsFrom(ChallengeStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    public static string Refusal(ChallengeStatus from, ChallengeAction action) => (from, action) switch
    {
        (ChallengeStatus.Claimed or ChallengeStatus.Delivered, ChallengeAction.Claim) => "该榜单已被揭榜",
        (ChallengeStatus.Published or ChallengeStatus.Claimed, ChallengeAction.Evaluate) => "揭榜方提交成果后才能验收评价",
        _ => $"当前状态“{from.ChineseName()}”不能执行“{action.ChineseName()}”",
    };
}
