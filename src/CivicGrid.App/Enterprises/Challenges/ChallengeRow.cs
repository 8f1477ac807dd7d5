using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;

namespace CivicGrid.App.Enterprises.Challenges;

/// <summary>A challenge as lists and moves return it.</summary>
public sealed record ChallengeRow(
    int Id, string Title, string Description, string? Reward, Money? RewardAmount, int? EnterpriseId, int? BusinessCommunityId,
    int? NeedId, DateTime? ClaimByUtc, string PublishedBy, DateTime PublishedAt, ChallengeStatus Status, string? SolverName,
    SolverKind? SolverKind, int? SolverEnterpriseId, DateTime? ClaimedAt, string? Delivery, DateTime? DeliveredAt, int RejectionCount,
    int? Score, string? Evaluation, DateTime? EvaluatedAt, string? WithdrawalReason, int Version)
{
    public static ChallengeRow From(Challenge c) => new(
        c.Id, c.Title, c.Description, c.Reward, c.RewardAmount, c.EnterpriseId, c.BusinessCommunityId, c.NeedId, c.ClaimByUtc,
        c.PublishedBy, c.PublishedAt, c.Status, c.SolverName, c.SolverKind, c.SolverEnterpriseId, c.ClaimedAt, c.Delivery, c.DeliveredAt,
        c.RejectionCount, c.Score, c.Evaluation, c.EvaluatedAt, c.WithdrawalReason, c.Version);
}

internal static class ChallengesInScope
{
    /// <summary>
    /// The challenges the actor sees: staff all those of their jurisdiction (the query filter); an enterprise's contact the
    /// open ones of its business community and those its enterprise published or claimed.
    /// </summary>
    public static IQueryable<Challenge> Of(CivicGridDbContext db)
    {
        if (!db.Jurisdiction.Role.May(Permission.ActForOwnEnterprise))
        {
            return db.Challenges;
        }
        var own = db.Jurisdiction.OwnEnterpriseId ?? -1;
        return db.Challenges.Where(c => c.Status == ChallengeStatus.Published || c.EnterpriseId == own || c.SolverEnterpriseId == own);
    }
}
