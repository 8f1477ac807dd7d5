using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Demo;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Writes generated historic cases and the timelines they were played through by the bulk path, in batches, and their
/// indicator roll-ups (per grid and per street) in one pass at the end, so a demo or benchmark database starts with years of cases behind it.
/// </summary>
public sealed record WriteHistoricCases(int Count, int Months);

public sealed class WriteHistoricCasesHandler(CivicGridDbContext db, BulkInsert bulk, CaseReference reference)
{
    private const int BatchSize = 50_000;

    public async Task<int> HandleAsync(WriteHistoricCases command, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var grids = await db.SystemWork().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).ToListAsync(ct);
        var snapshot = await reference.GetAsync(db, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var firstId = await bulk.NextIdAsync<Case>(ct);
        var nextEventId = (await db.CaseEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        var cases = new DemoCases(grids, snapshot.Items.Values.OrderBy(i => i.Code).ToList(), snapshot.Calendar)
            .Generate(command.Count, now.AddMonths(-command.Months), now, firstId);
        var rollUp = new Dictionary<(string, string, string, string), IndicatorCounts>();
        var written = 0;
        foreach (var batch in cases.Chunk(BatchSize))
        {
            foreach (var key in batch.Select(CaseStats.Snapshot.Of))
            {
                var k = (key.Month, key.GridCode, key.ItemCode, key.DepartmentCode);
                rollUp[k] = rollUp.GetValueOrDefault(k) + key.Counts;
            }
            var timeline = batch.SelectMany(c => c.Timeline).ToList();
            timeline.ForEach(e => e.Id = nextEventId++);
            await InTransactionAsync(async () =>
            {
                await bulk.WriteRolledUpAsync(batch, ct);
                await bulk.WriteAsync(timeline, ct);
            }, ct);
            written += batch.Length;
            progress?.Report(new SeedProgress("cases", written, command.Count));
        }
        await InTransactionAsync(() => AddRollUpAsync(rollUp, ct), ct);
        return written;
    }

    private async Task AddRollUpAsync(Dictionary<(string, string, string, string), IndicatorCounts> rollUp, CancellationToken ct)
    {
        var existing = await db.SystemWork().CaseMonthlyStats.AnyAsync(ct);
        if (existing)
        {
            throw new InvalidOperationException("Historic cases are written only into a database without indicator figures.");
        }
        // In key order, so a month's rows sit together on disk as they do when cases arrive over time.
        await bulk.WriteAsync(rollUp.OrderBy(r => r.Key, Comparer<(string, string, string, string)>.Default).Select(r => Filled(new CaseMonthlyStat
        {
            Month = r.Key.Item1, GridCode = r.Key.Item2, ItemCode = r.Key.Item3, DepartmentCode = r.Key.Item4,
        }, r.Value)), ct);
        var streets = rollUp.GroupBy(r => (r.Key.Item1, CaseStats.StreetOf(r.Key.Item2), r.Key.Item3, r.Key.Item4))
            .ToDictionary(g => g.Key, g => g.Aggregate(IndicatorCounts.Zero, (sum, r) => sum + r.Value));
        await bulk.WriteAsync(streets.OrderBy(r => r.Key, Comparer<(string, string, string, string)>.Default).Select(r => Filled(new CaseMonthlyStreetStat
        {
            Month = r.Key.Item1, StreetCode = r.Key.Item2, ItemCode = r.Key.Item3, DepartmentCode = r.Key.Item4,
        }, r.Value)), ct);
    }

    private static T Filled<T>(T row, IndicatorCounts c) where T : CaseMonthlyCounts
    {
        (row.Received, row.RespondedOnTime, row.Accepted, row.Due, row.Resolved, row.Closed) = (c.Received, c.RespondedOnTime, c.Accepted, c.Due, c.Resolved, c.Closed);
        (row.ClosedOnTime, row.Reworked, row.Extended, row.Rated, row.Satisfied, row.BasicallySatisfied) = (c.ClosedOnTime, c.Reworked, c.Extended, c.Rated, c.Satisfied, c.BasicallySatisfied);
        return row;
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }
}
