using System.Globalization;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Tests.Data;

/// <summary>
/// The same case written by each of the three write paths (the change tracker, case intake's group commit, the bulk
/// path) is stored, audited and rolled up alike, because one component applies the write rules to all three.
/// </summary>
public class WritePathTests
{
    private const string Typed = "楼道灯坏了，联系电话13812345678，身份证330105196001011234";
    private static readonly IJurisdiction System = new SystemJurisdiction("tests");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachPathMasksAuditsAndRollsUpTheSameCaseAlike(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, item) = await PlaceAsync(app);
        var month = CaseStats.MonthOf(AppHarness.Now.UtcDateTime);
        var before = await ReceivedAsync(app, month, grid, item);

        int[] ids = [await ThroughTheChangeTrackerAsync(app, grid, item), await ThroughIntakeAsync(app, grid, item), await ThroughTheBulkPathAsync(app, grid, item)];

        await using var scope = app.Scope(System);
        var stored = await scope.Db.SystemWork().Cases.Where(c => ids.Contains(c.Id)).Select(c => c.Description).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, d => Assert.Equal(Core.People.PersonalDataMask.InText(Typed), d));
        Assert.All(stored, d => Assert.DoesNotContain("13812345678", d, StringComparison.Ordinal));
        var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var audited = await scope.Db.AuditEntries.Where(e => e.Entity == nameof(Case) && keys.Contains(e.EntityKey))
            .Select(e => new { e.Action, e.EntityKey, e.Actor }).ToListAsync();
        Assert.Equal(keys.Order(StringComparer.Ordinal), audited.Select(a => a.EntityKey).Order(StringComparer.Ordinal));
        Assert.All(audited, a => Assert.Equal(("create", System.ActorName), (a.Action, a.Actor)));
        Assert.Equal(before + 3, await ReceivedAsync(app, month, grid, item));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AChangeThroughTheTrackerMovesTheRollUpAndADeletionTakesItAway(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, item) = await PlaceAsync(app);
        var month = CaseStats.MonthOf(AppHarness.Now.UtcDateTime);
        var id = await ThroughTheBulkPathAsync(app, grid, item);
        var other = await OtherGridAsync(app, grid);
        var (here, there) = (await ReceivedAsync(app, month, grid, item), await ReceivedAsync(app, month, other, item));

        await using (var scope = app.Scope(System))
        {
            var c = await scope.Db.SystemWork().Cases.SingleAsync(x => x.Id == id);
            c.GridCode = other;
            await scope.Db.SaveChangesAsync();
        }
        Assert.Equal((here - 1, there + 1), (await ReceivedAsync(app, month, grid, item), await ReceivedAsync(app, month, other, item)));

        await using (var scope = app.Scope(System))
        {
            scope.Db.Remove(await scope.Db.SystemWork().Cases.SingleAsync(x => x.Id == id));
            await scope.Db.SaveChangesAsync();
        }
        Assert.Equal(there, await ReceivedAsync(app, month, other, item));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OneSaveOfMoreNewRowsThanOneCommandCarriesAuditsEachUnderItsKey(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        List<Core.People.Tag> tags;
        await using (var scope = app.Scope(System))
        {
            // SQLite refuses a statement of more than 32,766 parameters: one more audit entry than fits in that.
            var columns = scope.Db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Count(p => !p.IsPrimaryKey());
            var count = 32_766 / columns + 1;
            tags = Enumerable.Range(0, count).Select(i => new Core.People.Tag { Name = $"批量{i}" }).ToList();
            scope.Db.Tags.AddRange(tags);
            await scope.Db.SaveChangesAsync();
        }

        await using var read = app.Scope(System);
        var keys = tags.Select(t => t.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var audited = await read.Db.AuditEntries.Where(e => e.Entity == nameof(Core.People.Tag) && e.Action == "create").Select(e => e.EntityKey).ToListAsync();
        Assert.Equal(tags.Count, audited.Count(keys.Contains));
    }

    private static async Task<(Case Case, CaseEvent Receipt)> DraftAsync(AppHarness app, string grid, string item)
    {
        await using var scope = app.Scope(System);
        var snapshot = await scope.Get<CaseReference>().GetAsync(scope.Db, CancellationToken.None);
        var c = new Case { ItemCode = item, GridCode = grid, Description = Typed, Source = CaseSource.Visit, Token = Guid.NewGuid().ToString("N") };
        return (c, c.Receive(snapshot.Rules(item, AppHarness.Now.UtcDateTime), "tests"));
    }

    private static async Task<int> ThroughTheChangeTrackerAsync(AppHarness app, string grid, string item)
    {
        var (c, _) = await DraftAsync(app, grid, item);
        await using var scope = app.Scope(System);
        scope.Db.Cases.Add(c);
        await scope.Db.SaveChangesAsync();
        return c.Id;
    }

    private static async Task<int> ThroughIntakeAsync(AppHarness app, string grid, string item)
    {
        var (c, receipt) = await DraftAsync(app, grid, item);
        return await app.Services.GetRequiredService<CaseIntake>()
            .WriteAsync(new NewCase(c, receipt, [], System.ActorName, System.ClientAddress, AuditEntry.Truncate(AppHarness.Now)));
    }

    private static async Task<int> ThroughTheBulkPathAsync(AppHarness app, string grid, string item)
    {
        var (c, _) = await DraftAsync(app, grid, item);
        await using var scope = app.Scope(System);
        var bulk = scope.Get<BulkInsert>();
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();
        c.Id = await bulk.NextIdAsync<Case>(CancellationToken.None);
        await bulk.WriteAsync([c], CancellationToken.None);
        await transaction.CommitAsync();
        return c.Id;
    }

    private static async Task<(string Grid, string Item)> PlaceAsync(AppHarness app)
    {
        await using var scope = app.Scope(System);
        var grid = await scope.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        var item = await scope.Db.DeliberationItems.OrderBy(i => i.Code).Select(i => i.Code).FirstAsync();
        return (grid, item);
    }

    private static async Task<string> OtherGridAsync(AppHarness app, string grid)
    {
        await using var scope = app.Scope(System);
        return await scope.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid && n.Code != grid).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
    }

    private static async Task<long> ReceivedAsync(AppHarness app, string month, string grid, string item)
    {
        await using var scope = app.Scope(System);
        return await scope.Db.SystemWork().CaseMonthlyStats.Where(s => s.Month == month && s.GridCode == grid && s.ItemCode == item).SumAsync(s => s.Received);
    }
}
