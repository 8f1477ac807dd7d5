namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>
/// A challenge put up for anyone able to solve it (揭榜挂帅): a business community or an enterprise publishes a problem
/// with a reward or recognition; a partner organisation, an enterprise or a volunteer team claims it, delivers and is
/// evaluated. Every change goes through <see cref="Apply"/>.
/// </summary>
public sealed class Challenge
{
    public int Id { get; set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Reward { get; private set; }
    public Money? RewardAmount { get; private set; }
    public int? EnterpriseId { get; private set; }
    public int? BusinessCommunityId { get; private set; }
    public int? NeedId { get; private set; }
    public DateTime? ClaimByUtc { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTime PublishedAt { get; private set; }

    public ChallengeStatus Status { get; private set; } = ChallengeStatus.Published;
    public string? ClaimedBy { get; private set; }
    public string? SolverName { get; private set; }
    public SolverKind? SolverKind { get; private set; }
    /// <summary>The enterprise that claimed it, when an enterprise did.</summary>
    public int? SolverEnterpriseId { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    public string? Delivery { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public int RejectionCount { get; private set; }
    public int? Score { get; private set; }
    public string? Evaluation { get; private set; }
    public string? EvaluatedBy { get; private set; }
    public DateTime? EvaluatedAt { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static (Challenge? Challenge, string? Refusal) Publish(ChallengeRequest request, string actor, DateTime nowUtc)
    {
        if (ChallengeGuards.Request(request, nowUtc) is { } refusal)
        {
            return (null, refusal);
        }
        return (new Challenge
        {
            Title = request.Title.Trim(), Description = request.Description.Trim(), Reward = request.Reward?.Trim(),
            RewardAmount = request.RewardAmount, EnterpriseId = request.EnterpriseId, BusinessCommunityId = request.BusinessCommunityId,
            NeedId = request.NeedId, ClaimByUtc = request.ClaimByUtc, PublishedBy = actor, PublishedAt = nowUtc, UpdatedAt = nowUtc,
        }, null);
    }

    /// <summary>Applies a move, or returns why it is refused (in Chinese) and leaves the challenge untouched.</summary>
    public string? Apply(ChallengeCommand command, DateTime nowUtc)
    {
        var target = ChallengeStateMachine.Target(Status, command.Action);
        if (target is null)
        {
            return ChallengeStateMachine.Refusal(Status, command.Action);
        }
        if (ChallengeGuards.Check(this, command, nowUtc) is { } refusal)
        {
            return refusal;
        }
        Effect(command, nowUtc);
        Status = target.Value;
        UpdatedAt = nowUtc;
        Version++;
        return null;
    }

    public IEnumerable<ChallengeAction> AvailableActions() => ChallengeStateMachine.ActionsFrom(Status);

    private void Effect(ChallengeCommand command, DateTime now)
    {
        switch (command.Action)
        {
            case ChallengeAction.Claim:
                (ClaimedBy, SolverName, SolverKind, ClaimedAt) = (command.Actor, command.SolverName!.Trim(), command.SolverKind, now);
                SolverEnterpriseId = command.SolverEnterpriseId;
                break;
            case ChallengeAction.Abandon:
                (ClaimedBy, SolverName, SolverKind, ClaimedAt, Delivery) = (null, null, null, null, null);
                SolverEnterpriseId = null;
                break;
            case ChallengeAction.Deliver:
                (Delivery, DeliveredAt) = (command.Note!.Trim(), now);
                break;
            case ChallengeAction.Reject:
                RejectionCount++;
                DeliveredAt = null;
                break;
            case ChallengeAction.Evaluate:
                (Score, Evaluation, EvaluatedBy, EvaluatedAt) = (command.Score, command.Note, command.Actor, now);
                break;
            case ChallengeAction.Withdraw:
                WithdrawalReason = command.Note!.Trim();
                break;
        }
    }
}
