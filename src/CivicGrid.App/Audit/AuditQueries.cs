using CivicGrid.App.Data;
using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string EntityKey, string? Detail, string? ClientAddress);

/// <summary>The result of walking the chain: whole, or the first record whose hash or link does not hold.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenId);

public sealed record ListAudit(string? Actor = null, string? Action = null, int PageNumber = 1, int PageSize = 50);

public sealed record VerifyAuditChain;

public sealed class AuditQueriesHandler(CivicGridDbContext db, LinkAuditEntriesHandler linker)
{
    public async Task<Page<AuditRow>> HandleAsync(ListAudit query, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        var size = Page<AuditRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<AuditRow>(rows.ConvertAll(e => new AuditRow(e.Id, DistrictTime.ToDistrictTime(e.At), e.Actor, e.Action, e.Entity, e.EntityKey, e.Detail, e.ClientAddress)),
            number, size, total);
    }

    /// <summary>Links what is pending, then walks the whole chain in order, streaming, and checks it ends at the recorded head.</summary>
    public async Task<AuditVerification> HandleAsync(VerifyAuditChain query, CancellationToken ct)
    {
        await linker.HandleAsync(new LinkAuditEntries(), ct);
        var previous = AuditEntry.GenesisHash;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (AuditEntry.FirstBroken([entry], previous) is not null)
            {
                return new AuditVerification(false, count, entry.Id);
            }
            previous = entry.Hash;
            count++;
        }
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        var tailIntact = head is null ? count == 0 : head.LastHash == previous;
        return new AuditVerification(tailIntact, count, tailIntact ? null : -1);
    }
}
