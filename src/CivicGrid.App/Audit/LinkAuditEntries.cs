using CivicGrid.App.Data.Writes;
using CivicGrid.App.Data;
using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Audit;

/// <summary>
/// Links written audit entries onto the hash chain, oldest first, in batches. Writers only insert their entries, so
/// case intake never queues on the chain; this runs every second in the background and before every verification.
/// One instance links at a time: each batch holds the chain head's row lock until it commits.
/// </summary>
public sealed record LinkAuditEntries(int BatchSize = 5000);

public sealed class LinkAuditEntriesHandler(CivicGridDbContext db, AuditSeal seal)
{
    /// <summary>Links everything pending and returns how many entries were linked.</summary>
    public async Task<long> HandleAsync(LinkAuditEntries command, CancellationToken ct)
    {
        long linked = 0;
        while (true)
        {
            var batch = await LinkBatchAsync(command.BatchSize, ct);
            linked += batch;
            if (batch < command.BatchSize)
            {
                return linked;
            }
        }
    }

    private async Task<int> LinkBatchAsync(int size, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditTrail.LockHeadAsync(db, ct);
        var head = await db.AuditHeads.SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        await db.Entry(head).ReloadAsync(ct);
        var pending = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(size).ToListAsync(ct);
        foreach (var entry in pending)
        {
            entry.LinkAfter(head.LastHash, ++head.Version, seal);
            head.LastHash = entry.Hash;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return pending.Count;
    }
}
