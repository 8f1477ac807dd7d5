using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.People;
using CivicGrid.Core.Access;
using CivicGrid.Core.Audit;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Audit;

public class AuditChainTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ChangesAreChainedAndATamperedRowIsNamed(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int residentId;
        string grid;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var first = await system.Db.Residents.OrderBy(r => r.Id).Select(r => new { r.Id, r.GridCode }).FirstAsync();
            (residentId, grid) = (first.Id, first.GridCode);
        }
        await using (var worker = app.Scope(new AccountJurisdiction(grid, StaffRole.GridWorker, "worker", null)))
        {
            var outcome = await worker.Get<UpdateResidentHandler>().HandleAsync(new UpdateResident(residentId, "13900001111", "常住", null, ["独居"]), default);
            Assert.Equal(App.Data.OutcomeKind.Ok, outcome.Kind);
        }

        await using var scope = app.Scope(new SystemJurisdiction());
        var audit = scope.Get<AuditQueriesHandler>();
        Assert.True((await audit.HandleAsync(new VerifyAuditChain(), default)).Intact);
        var update = await scope.Db.AuditEntries.SingleAsync(e => e.Actor == "worker" && e.Entity == "Resident");
        Assert.Contains("PhoneCipher", update.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("1390000", update.Detail, StringComparison.Ordinal);

        await scope.Db.AuditEntries.Where(e => e.Id == update.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else"));

        var broken = await audit.HandleAsync(new VerifyAuditChain(), default);
        Assert.False(broken.Intact);
        Assert.Equal(update.Id, broken.FirstBrokenId);
        Assert.Equal(update.Sequence, broken.FirstBrokenSequence);
        Assert.Contains("内容被改动", broken.Problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// Someone with write access to the database but not the key changes a record and recomputes every hash after it and
    /// the head, as they could with an unkeyed chain: the first rewritten record is named.
    /// </summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARewrittenChainWithoutTheKeyIsNamedAtItsFirstRewrittenRecord(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction("clerk"));
        for (var n = 0; n < 6; n++)
        {
            await scope.Get<ManageTagsHandler>().HandleAsync(new SaveTag(null, $"封印标签{n}", null), default);
        }
        var audit = scope.Get<AuditQueriesHandler>();
        var whole = await audit.HandleAsync(new VerifyAuditChain(), default);
        Assert.True(whole.Intact);
        Assert.Equal(whole.Checked, whole.Keyed);

        var from = whole.Checked - 3;
        var previous = await scope.Db.AuditEntries.Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleAsync();
        foreach (var entry in await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync())
        {
            entry.Actor = entry.Sequence == from ? "someone-else" : entry.Actor;
            entry.Seal = AuditSealKind.Plain;
            entry.PreviousHash = previous;
            entry.Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.CanonicalText())));
            previous = entry.Hash;
            await scope.Db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Actor, entry.Actor).SetProperty(e => e.Seal, entry.Seal)
                .SetProperty(e => e.PreviousHash, entry.PreviousHash).SetProperty(e => e.Hash, entry.Hash));
        }
        await scope.Db.AuditHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, previous));

        var forged = await audit.HandleAsync(new VerifyAuditChain(), default);
        Assert.False(forged.Intact);
        Assert.Equal(from, forged.FirstBrokenSequence);
        Assert.Contains("没有密钥封印", forged.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ADeletedRecordOrADeletedTailIsNamedByItsPlaceInTheChain(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction("clerk"));
        for (var n = 0; n < 6; n++)
        {
            await scope.Get<ManageTagsHandler>().HandleAsync(new SaveTag(null, $"审计标签{n}", null), default);
        }
        var audit = scope.Get<AuditQueriesHandler>();
        var whole = await audit.HandleAsync(new VerifyAuditChain(), default);
        Assert.True(whole.Intact);
        var last = whole.Checked;

        await scope.Db.AuditEntries.Where(e => e.Sequence == last).ExecuteDeleteAsync();
        var tail = await audit.HandleAsync(new VerifyAuditChain(), default);
        await scope.Db.AuditEntries.Where(e => e.Sequence == last - 3).ExecuteDeleteAsync();
        var middle = await audit.HandleAsync(new VerifyAuditChain(), default);

        Assert.False(tail.Intact);
        Assert.Equal(last, tail.FirstBrokenSequence);
        Assert.Contains("链尾被删除", tail.Problem, StringComparison.Ordinal);
        Assert.False(middle.Intact);
        Assert.Equal(last - 3, middle.FirstBrokenSequence);
        Assert.Equal(last - 4, middle.Checked);
        Assert.Contains($"第 {last - 3} 条记录缺失", middle.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnEntryNumberedPastTheHeadIsNamed(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction("clerk"));
        await scope.Get<ManageTagsHandler>().HandleAsync(new SaveTag(null, "审计标签", null), default);
        var audit = scope.Get<AuditQueriesHandler>();
        var whole = await audit.HandleAsync(new VerifyAuditChain(), default);
        Assert.True(whole.Intact);

        // The head is put back one link, consistent with the entry before the last: the last entry now stands past the
        // head, as one appended by hand would.
        var before = await scope.Db.AuditEntries.Where(e => e.Sequence == whole.Checked - 1).Select(e => e.Hash).SingleAsync();
        await scope.Db.AuditHeads.ExecuteUpdateAsync(u => u.SetProperty(h => h.Version, whole.Checked - 1).SetProperty(h => h.LastHash, before));
        var appended = await audit.HandleAsync(new VerifyAuditChain(), default);

        Assert.False(appended.Intact);
        Assert.Contains("链尾与记录的链头不符", appended.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ConcurrentWritersNeverForkTheChain(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var writers = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = app.Scope(new SystemJurisdiction($"writer-{i}"));
            for (var n = 0; n < 5; n++)
            {
                await scope.Get<ManageTagsHandler>().HandleAsync(new SaveTag(null, $"标签{i}-{n}", null), default);
            }
        });
        await Task.WhenAll(writers);

        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(40, await check.Db.AuditEntries.CountAsync(e => e.Actor.StartsWith("writer-") && e.Entity == "Tag"));
        var result = await check.Get<AuditQueriesHandler>().HandleAsync(new VerifyAuditChain(), default);
        Assert.True(result.Intact, $"broken at {result.FirstBrokenId}");
    }
}
