using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Challenges;

/// <summary>
/// Publishes a challenge (发榜): staff who keep the lists for a business community of their jurisdiction, an enterprise's
/// contact for its own enterprise (in the business community of its office building). A need of the jurisdiction may be
/// put up as a challenge.
/// </summary>
public sealed record PublishChallenge(
    string Title, string Description, string? Reward, Money? RewardAmount = null, int? BusinessCommunityId = null, int? NeedId = null,
    DateTime? ClaimByUtc = null);

public sealed class PublishChallengeHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ChallengeRow>> HandleAsync(PublishChallenge command, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (!role.MayPublish())
        {
            return Outcome<ChallengeRow>.Forbidden(ChallengePermissions.Refusal);
        }
        var (publisher, enterprise, community, problem) = role.May(Permission.ActForOwnEnterprise)
            ? await AsEnterpriseAsync(ct)
            : await AsCommunityAsync(command.BusinessCommunityId, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (command.NeedId is { } need && !await db.EnterpriseNeeds.AnyAsync(n => n.Id == need, ct))
        {
            return Outcome<ChallengeRow>.Invalid("needId", "找不到该需求，或该需求不在您的管辖范围内");
        }
        var request = new ChallengeRequest(command.Title ?? "", command.Description ?? "", command.Reward)
        {
            RewardAmount = command.RewardAmount, EnterpriseId = enterprise, BusinessCommunityId = community, NeedId = command.NeedId,
            ClaimByUtc = command.ClaimByUtc,
        };
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (challenge, refusal) = Challenge.Publish(request, publisher!, now);
        if (challenge is null)
        {
            return Outcome<ChallengeRow>.Invalid("", refusal!);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        db.ChallengeEvents.Add(new ChallengeEvent
        {
            ChallengeId = challenge.Id, At = now, Action = ChallengeAction.Publish, To = challenge.Status, Actor = db.Jurisdiction.ActorName,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ChallengeRow>.Ok(ChallengeRow.From(challenge));
    }

    private async Task<(string?, int?, int?, Outcome<ChallengeRow>?)> AsEnterpriseAsync(CancellationToken ct)
    {
        var own = db.Jurisdiction.OwnEnterpriseId;
        var firm = await db.Enterprises.AsNoTracking().Where(e => e.Id == own).Select(e => new { e.Id, e.Name, e.BuildingId }).FirstOrDefaultAsync(ct);
        if (firm is null)
        {
            return (null, null, null, Outcome<ChallengeRow>.Forbidden(ChallengePermissions.Refusal));
        }
        // A contact sees no buildings; its own firm's office building names the business community it publishes in.
        var community = await db.PublicGeography().Buildings.Where(b => b.Id == firm.BuildingId).Select(b => b.BusinessCommunityId).FirstOrDefaultAsync(ct);
        return (firm.Name, firm.Id, community, null);
    }

    private async Task<(string?, int?, int?, Outcome<ChallengeRow>?)> AsCommunityAsync(int? asked, CancellationToken ct)
    {
        var id = asked ?? db.Jurisdiction.BusinessCommunityId;
        var name = id is null ? null : await db.BusinessCommunities.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? (null, null, null, Outcome<ChallengeRow>.Invalid("businessCommunityId", "请选择管辖范围内的商务社区"))
            : (name, null, id, null);
    }
}
