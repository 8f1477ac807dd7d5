namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>Where a challenge stands (榜单状态).</summary>
public enum ChallengeStatus
{
    Published,
    Claimed,
    Delivered,
    Evaluated,
    Withdrawn,
}

/// <summary>What can be done to a challenge.</summary>
public enum ChallengeAction
{
    Publish,
    Claim,
    /// <summary>The solver gives the challenge up; it is open to others again.</summary>
    Abandon,
    Deliver,
    /// <summary>The publisher does not accept the delivery; the solver works on.</summary>
    Reject,
    Evaluate,
    Withdraw,
}

/// <summary>Who takes a challenge on (揭榜方).</summary>
public enum SolverKind
{
    Partner,
    Enterprise,
    VolunteerTeam,
}

public static class ChallengeNames
{
    public static string ChineseName(this ChallengeStatus status) => status switch
    {
        ChallengeStatus.Published => "待揭榜",
        ChallengeStatus.Claimed => "已揭榜",
        ChallengeStatus.Delivered => "待验收",
        ChallengeStatus.Evaluated => "已评价",
        _ => "已撤榜",
    };

    public static string ChineseName(this ChallengeAction action) => action switch
    {
        ChallengeAction.Publish => "发榜",
        ChallengeAction.Claim => "揭榜",
        ChallengeAction.Abandon => "放弃揭榜",
        ChallengeAction.Deliver => "提交成果",
        ChallengeAction.Reject => "验收不通过",
        ChallengeAction.Evaluate => "验收评价",
        _ => "撤榜",
    };

    public static string ChineseName(this SolverKind kind) => kind switch
    {
        SolverKind.Partner => "共建单位",
        SolverKind.Enterprise => "企业",
        _ => "志愿团队",
    };
}
