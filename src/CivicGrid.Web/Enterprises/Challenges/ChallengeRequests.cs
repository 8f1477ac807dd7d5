using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Challenges;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;

namespace CivicGrid.Web.Enterprises.Challenges;

/// <summary>A challenge as the form or API publishes it: the reward in 万元, the claiming deadline as a date (China time, end of day) or an instant.</summary>
public sealed record PublishChallengeRequest(
    string? Title, string? Description, string? Reward = null, decimal? RewardWan = null, int? BusinessCommunityId = null, int? NeedId = null,
    DateTime? ClaimBy = null)
{
    public async Task<Outcome<ChallengeRow>> SendAsync(PublishChallengeHandler handler, CancellationToken ct)
    {
        if (!Money.TryFromTenThousandYuan(RewardWan, out var amount, out var reason))
        {
            return Outcome<ChallengeRow>.Invalid("rewardWan", reason);
        }
        return await handler.HandleAsync(new PublishChallenge(Title ?? "", Description ?? "", Reward, amount, BusinessCommunityId, NeedId, ClaimByUtc), ct);
    }

    /// <summary>A bare date means the end of that day in China; an instant is taken as given.</summary>
    private DateTime? ClaimByUtc => ClaimBy switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } at => at,
        { TimeOfDay.Ticks: 0 } day => DateTime.SpecifyKind(day.Date.AddDays(1).AddHours(-8), DateTimeKind.Utc),
        { } local => DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc),
    };
}

/// <summary>One move of a challenge as a form or the API sends it.</summary>
public sealed record ChallengeMoveRequest(string? Action, string? Note = null, string? SolverName = null, string? SolverKind = null, int? Score = null)
{
    public async Task<Outcome<ChallengeRow>> SendAsync(int id, MoveChallengeHandler handler, CancellationToken ct)
    {
        if (EnumText.Parse<ChallengeAction>(Action) is not { } action || action == ChallengeAction.Publish)
        {
            return Outcome<ChallengeRow>.Invalid("action", "未知的操作");
        }
        var kind = EnumText.Parse<SolverKind>(SolverKind);
        if (SolverKind is not null && kind is null)
        {
            return Outcome<ChallengeRow>.Invalid("solverKind", "揭榜方类型应为 Partner、Enterprise 或 VolunteerTeam");
        }
        return await handler.HandleAsync(new MoveChallenge(id, action, Note, SolverName, kind, Score), ct);
    }
}
