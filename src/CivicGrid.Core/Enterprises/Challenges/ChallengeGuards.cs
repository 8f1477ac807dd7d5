namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>The checks a legal move must also pass: who makes it, what the command carries, the claiming deadline.</summary>
internal static class ChallengeGuards
{
    public static string? Request(ChallengeRequest request, DateTime nowUtc) => request switch
    {
        _ when string.IsNullOrWhiteSpace(request.Title) => "请填写榜单名称",
        { Title.Length: > ChallengeRequest.MaxTitleLength } => $"榜单名称不超过 {ChallengeRequest.MaxTitleLength} 字",
        _ when string.IsNullOrWhiteSpace(request.Description) => "请描述要解决的问题",
        { Description.Length: > ChallengeRequest.MaxDescriptionLength } => $"问题描述不超过 {ChallengeRequest.MaxDescriptionLength} 字",
        { RewardAmount: { IsPositive: false } } => "悬赏金额应大于零",
        { RewardAmount: null } when string.IsNullOrWhiteSpace(request.Reward) => "请填写悬赏金额或荣誉激励",
        { Reward.Length: > ChallengeRequest.MaxRewardLength } => $"荣誉激励不超过 {ChallengeRequest.MaxRewardLength} 字",
        _ when request.ClaimByUtc <= nowUtc => "揭榜截止时间应晚于现在",
        _ => null,
    };

    // Separation of duties: the publisher does not solve its own challenge, and the solver does not judge its own work.
    public static string? Check(Challenge c, ChallengeCommand command, DateTime nowUtc) => command.Action switch
    {
        _ when command.Note?.Length > ChallengeCommand.MaxNoteLength => $"说明不超过 {ChallengeCommand.MaxNoteLength} 字",
        ChallengeAction.Claim when command.SolverName?.Trim().Length > ChallengeCommand.MaxSolverNameLength =>
            $"揭榜方名称不超过 {ChallengeCommand.MaxSolverNameLength} 字",
        ChallengeAction.Claim when c.PublishedBy == command.Actor => "发榜方不能揭自己的榜",
        ChallengeAction.Claim when c.ClaimByUtc <= nowUtc => "已过揭榜截止时间",
        ChallengeAction.Claim when string.IsNullOrWhiteSpace(command.SolverName) || command.SolverKind is null => "请填写揭榜方名称和类型",
        ChallengeAction.Abandon or ChallengeAction.Deliver when c.ClaimedBy != command.Actor => $"只有揭榜方可以{command.Action.ChineseName()}",
        ChallengeAction.Abandon or ChallengeAction.Deliver or ChallengeAction.Reject or ChallengeAction.Withdraw
            when string.IsNullOrWhiteSpace(command.Note) => $"“{command.Action.ChineseName()}”须填写说明",
        ChallengeAction.Reject or ChallengeAction.Evaluate when c.ClaimedBy == command.Actor => "揭榜方不能验收自己的成果",
        ChallengeAction.Evaluate when command.Score is not (>= 1 and <= 5) => "评分应为 1 到 5 分",
        _ => null,
    };
}
