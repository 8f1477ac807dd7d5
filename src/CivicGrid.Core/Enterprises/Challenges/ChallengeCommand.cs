namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>What a publisher fills in to publish a challenge (发榜): the problem, and a reward, a recognition or both.</summary>
public sealed record ChallengeRequest(string Title, string Description, string? Reward)
{
    public Money? RewardAmount { get; init; }
    /// <summary>The enterprise publishing it; null when the business community does.</summary>
    public int? EnterpriseId { get; init; }
    public int? BusinessCommunityId { get; init; }
    /// <summary>The enterprise need it was made from.</summary>
    public int? NeedId { get; init; }
    /// <summary>The last moment to claim it.</summary>
    public DateTime? ClaimByUtc { get; init; }

    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const int MaxRewardLength = 200;
}

/// <summary>A request to move a challenge; unused fields stay empty.</summary>
public sealed record ChallengeCommand(ChallengeAction Action, string Actor, string? Note = null)
{
    /// <summary>For a claim: the organisation, enterprise or team taking it on.</summary>
    public string? SolverName { get; init; }
    public SolverKind? SolverKind { get; init; }
    /// <summary>For a claim by an enterprise: which one.</summary>
    public int? SolverEnterpriseId { get; init; }
    /// <summary>For an evaluation: 1 to 5.</summary>
    public int? Score { get; init; }

    public const int MaxNoteLength = 1000;
    public const int MaxSolverNameLength = 100;
}
