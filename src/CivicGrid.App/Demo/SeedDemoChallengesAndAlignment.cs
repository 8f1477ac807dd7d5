using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises.Alignment;
using CivicGrid.App.Enterprises.Challenges;
using CivicGrid.Core.Demo.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo's business communities their challenges (揭榜挂帅) and address-alignment follow-ups over the district
/// already stored, by the bulk path in one transaction. Does nothing when either is already there.
/// </summary>
public sealed record SeedDemoChallengesAndAlignment;

public sealed class SeedDemoChallengesAndAlignmentHandler(CivicGridDbContext db, BulkInsert bulk)
{
    /// <summary>Returns how many challenges and follow-ups were written.</summary>
    public async Task<int> HandleAsync(SeedDemoChallengesAndAlignment command, CancellationToken ct)
    {
        var firstChallenge = await bulk.NextIdAsync<Challenge>(ct);
        var firstFollowUp = await bulk.NextIdAsync<AlignmentFollowUp>(ct);
        if (firstChallenge > 1 || firstFollowUp > 1)
        {
            return 0;
        }
        var system = db.SystemWork();
        var communities = await system.BusinessCommunities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var offices = await system.Buildings.AsNoTracking().Where(b => b.BusinessCommunityId != null)
            .ToDictionaryAsync(b => b.Id, b => b.BusinessCommunityId!.Value, ct);
        var enterprises = await system.Enterprises.AsNoTracking().Where(e => e.BuildingId != null).OrderBy(e => e.Id).ToListAsync(ct);
        var placed = enterprises.Where(e => offices.ContainsKey(e.BuildingId!.Value)).Select(e => (e, offices[e.BuildingId!.Value])).ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var random = new Random(20261123 + 47);
        var challenges = DemoChallenges.For(communities, placed, random, now, firstChallenge,
            (await db.ChallengeEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1);
        var alignment = DemoAlignment.For(enterprises, random, now, firstFollowUp, (await db.AlignmentSteps.MaxAsync(s => (long?)s.Id, ct) ?? 0) + 1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(challenges.Challenges, ct);
        await bulk.WriteAsync(challenges.Timeline, ct);
        await bulk.WriteAsync(alignment.FollowUps, ct);
        await bulk.WriteAsync(alignment.Steps, ct);
        await transaction.CommitAsync(ct);
        return challenges.Challenges.Count + alignment.FollowUps.Count;
    }
}
