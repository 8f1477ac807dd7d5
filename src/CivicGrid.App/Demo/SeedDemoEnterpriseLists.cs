using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises;
using CivicGrid.Core.Demo.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo's business communities their three lists (offers, a year of needs, employees' wishes) over the
/// district already stored, by the bulk path in one transaction. Does nothing when offers or needs are already there.
/// </summary>
public sealed record SeedDemoEnterpriseLists(int Needs);

public sealed class SeedDemoEnterpriseListsHandler(CivicGridDbContext db, BulkInsert bulk)
{
    /// <summary>Returns how many needs were written (0 when the lists were already there).</summary>
    public async Task<int> HandleAsync(SeedDemoEnterpriseLists command, CancellationToken ct)
    {
        var ids = new DemoListIds(await bulk.NextIdAsync<CommunityOffer>(ct), await bulk.NextIdAsync<EnterpriseNeed>(ct),
            (await db.NeedEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1, (await db.EmployeeWishes.MaxAsync(w => (long?)w.Id, ct) ?? 0) + 1);
        if (command.Needs <= 0 || ids.Offer > 1 || ids.Need > 1)
        {
            return 0;
        }
        var system = db.SystemWork();
        var lists = new DemoEnterpriseLists(
            await system.BusinessCommunities.AsNoTracking().ToListAsync(ct),
            await system.Buildings.AsNoTracking().Where(b => b.BusinessCommunityId != null).ToListAsync(ct),
            await system.Enterprises.AsNoTracking().Where(e => e.BuildingId != null).ToListAsync(ct),
            await db.NeedCategories.AsNoTracking().ToListAsync(ct),
            await db.WishThemes.AsNoTracking().ToListAsync(ct))
            .Generate(command.Needs, db.Clock.GetUtcNow().UtcDateTime, ids);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(lists.Offers, ct);
        await bulk.WriteAsync(lists.Needs, ct);
        await bulk.WriteAsync(lists.Timeline, ct);
        await bulk.WriteAsync(lists.Wishes, ct);
        await transaction.CommitAsync(ct);
        return lists.Needs.Count;
    }
}
