using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Core.Access;
using CivicGrid.Core.Demo.Enterprises;
using CivicGrid.Core.Enterprises.Sweeps;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo's business communities runners (accounts without a password, one for about every seven office
/// buildings), every office building to one of them, and a year of visits, by the bulk path in one transaction. Does
/// nothing when assignments are already there.
/// </summary>
public sealed record SeedDemoSweeps;

public sealed class SeedDemoSweepsHandler(CivicGridDbContext db, BulkInsert bulk)
{
    public const string RunnerPrefix = "demo-runner-";

    /// <summary>Returns how many visits were written.</summary>
    public async Task<int> HandleAsync(SeedDemoSweeps command, CancellationToken ct)
    {
        var firstAssignment = await bulk.NextIdAsync<RunnerAssignment>(ct);
        if (firstAssignment > 1)
        {
            return 0;
        }
        var system = db.SystemWork();
        var offices = await system.Buildings.AsNoTracking().Where(b => b.BusinessCommunityId != null).ToListAsync(ct);
        var communities = await system.BusinessCommunities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var runners = communities.ToDictionary(c => c.Id, c => Runners(c, (offices.Count(b => b.BusinessCommunityId == c.Id) + 6) / 7));
        db.Users.AddRange(runners.Values.SelectMany(r => r));
        await db.SaveChangesAsync(ct);
        var sweeps = new DemoSweeps(offices, await system.Enterprises.AsNoTracking().Where(e => e.BuildingId != null).ToListAsync(ct),
                runners.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value.Select(u => u.Id).ToList()))
            .Generate(db.Clock.Today(), firstAssignment, await bulk.NextIdAsync<EnterpriseVisit>(ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(sweeps.Assignments, ct);
        await bulk.WriteAsync(sweeps.Visits, ct);
        await transaction.CommitAsync(ct);
        return sweeps.Visits.Count;
    }

    /// <summary>
    /// The demo account of a runner takes over the buildings and visits of its community's first demo runner, so the
    /// walk through the demo shows a sweep; nothing happens when it already has buildings.
    /// </summary>
    public async Task HandOverAsync(string userName, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName && u.Role == StaffRole.Runner, ct);
        if (account?.BusinessCommunityId is not { } community || await db.RunnerAssignments.AnyAsync(a => a.RunnerId == account.Id, ct))
        {
            return;
        }
        var first = await db.Users.Where(u => u.BusinessCommunityId == community && u.UserName!.StartsWith(RunnerPrefix))
            .OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            return;
        }
        await db.RunnerAssignments.Where(a => a.RunnerId == first).ExecuteUpdateAsync(s => s.SetProperty(a => a.RunnerId, account.Id), ct);
        await db.EnterpriseVisits.Where(v => v.RunnerId == first).ExecuteUpdateAsync(s => s.SetProperty(v => v.RunnerId, account.Id), ct);
    }

    private List<StaffUser> Runners(Core.Territory.BusinessCommunity community, int count) =>
        Enumerable.Range(1, Math.Max(1, count)).Select(n =>
        {
            var name = $"{RunnerPrefix}{community.Id:D3}-{n}";
            return new StaffUser
            {
                UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = $"{community.Name}助跑员{n}", Role = StaffRole.Runner, ScopeCode = community.StreetCode,
                BusinessCommunityId = community.Id, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
        }).ToList();
}
