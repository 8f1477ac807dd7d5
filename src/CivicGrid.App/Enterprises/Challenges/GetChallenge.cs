using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Challenges;

/// <summary>One challenge with its timeline and the moves the caller may make, as its page shows it.</summary>
public sealed record GetChallenge(int Id);

public sealed record ChallengeDetail(ChallengeListItem Item, IReadOnlyList<ChallengeEvent> Timeline, IReadOnlyList<ChallengeAction> Actions);

public sealed class GetChallengeHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ChallengeDetail>> HandleAsync(GetChallenge query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MaySee())
        {
            return Outcome<ChallengeDetail>.NotFound();
        }
        var challenge = await ChallengesInScope.Of(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct);
        if (challenge is null)
        {
            return Outcome<ChallengeDetail>.NotFound();
        }
        var community = await db.BusinessCommunities.AsNoTracking().Where(c => c.Id == challenge.BusinessCommunityId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var timeline = await db.ChallengeEvents.AsNoTracking().Where(e => e.ChallengeId == challenge.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var actions = ChallengePermissions.Allowed(challenge, db.Jurisdiction.Role, db.Jurisdiction.OwnEnterpriseId);
        return Outcome<ChallengeDetail>.Ok(new ChallengeDetail(new ChallengeListItem(ChallengeRow.From(challenge), community), timeline, actions));
    }
}
