using CivicGrid.App.Access;
using CivicGrid.App.Data.Replica;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Data;

/// <summary>The reporting reads' context: the same access model as the request's own, and no way to write through it.</summary>
public class ReportingReadsTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheReadContextSeesExactlyWhatThePrimarySeesForTheSameAccount(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string grid;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            grid = await system.Db.TerritoryNodes.Where(n => n.Code.Length == 15).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        }
        IJurisdiction[] accounts =
        [
            new AccountJurisdiction(grid, StaffRole.GridWorker, "w", null), new AccountJurisdiction(grid[..12], StaffRole.CommunityStaff, "c", null),
            new AccountJurisdiction(grid[..9], StaffRole.CivicSupervisor, "s", null), new CurrentJurisdiction(), new SystemJurisdiction(),
        ];
        foreach (var account in accounts)
        {
            await using var scope = app.Scope(account);
            var reads = await scope.Get<ReportingReads>().DbAsync(CancellationToken.None);
            Assert.NotSame(scope.Db, reads);
            Assert.Equal(await Seen(scope.Db), await Seen(reads));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheReadContextRefusesToWrite(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction());
        var reads = await scope.Get<ReportingReads>().DbAsync(CancellationToken.None);
        var resident = await reads.Residents.OrderBy(r => r.Id).FirstAsync();
        var name = resident.Name;

        reads.Residents.Update(resident).Entity.Name = "改写测试";
        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.SaveChangesAsync());
        Assert.Throws<InvalidOperationException>(() => reads.SaveChanges());
        // The engine refuses too: a statement past EF's save is not a way around.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            reads.Database.ExecuteSqlRawAsync("UPDATE \"Residents\" SET \"Name\" = 'x' WHERE \"Id\" = {0}", resident.Id));

        Assert.Equal(name, await scope.Db.Residents.Where(r => r.Id == resident.Id).Select(r => r.Name).SingleAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AReplicaIsReadUnlessTheClientsLastWriteMayNotHaveReachedIt(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateSeededAsync(kind);
        // The primary stands in for its replica: it has replayed nothing, so a client that wrote must read the primary.
        var replica = new Dictionary<string, string?> { ["Database:ReadReplica"] = database.ConnectionString };
        if (kind == DatabaseKind.Sqlite)
        {
            Assert.Throws<InvalidOperationException>(() => AppHarness.For(database, replica));
            return;
        }
        await using var app = AppHarness.For(database, replica);
        await using (var fresh = app.Scope(new SystemJurisdiction()))
        {
            var reads = fresh.Get<ReportingReads>();
            await reads.DbAsync(CancellationToken.None);
            Assert.True(reads.FromReplica);
        }
        await using var wrote = app.Scope(new SystemJurisdiction());
        wrote.Get<ReadYourWrites>().WroteAt = await ReadReplica.PrimaryPositionAsync(wrote.Db, CancellationToken.None);
        var pinned = wrote.Get<ReportingReads>();
        Assert.True(await (await pinned.DbAsync(CancellationToken.None)).Residents.AnyAsync());
        Assert.False(pinned.FromReplica);
    }

    private static async Task<(int, int, int, int, int)> Seen(App.Data.CivicGridDbContext db) => (
        await db.Residents.CountAsync(), await db.Households.CountAsync(), await db.Cases.CountAsync(),
        await db.TerritoryNodes.CountAsync(), await db.CaseMonthlyStats.CountAsync());
}
