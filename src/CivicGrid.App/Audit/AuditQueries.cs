using CivicGrid.App.Data.Writes;
using CivicGrid.App.Data;
using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string EntityKey, string? Detail, string? ClientAddress)
{
    /// <summary>The record's own name where it has one people know it by (a service, a facility, a case's item).</summary>
    public string? RecordName { get; init; }
}

/// <summary>
/// The result of walking the chain: whole, or where it first breaks: the record (by id and place in the chain) whose
/// hash or link does not hold, or the place of the first record missing, with the reason in Chinese.
/// </summary>
/// <remarks><see cref="Keyed"/> counts the records sealed with the installation's key; the others were linked before the
/// chain was keyed and are protected by their hashes alone.</remarks>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenId, long? FirstBrokenSequence = null, string? Problem = null)
{
    public long Keyed { get; init; }

    public static readonly AuditVerification Whole = new(true, 0, null);
}

/// <summary>The log, newest first, narrowed by who, what, when (district dates, both included) and which record.</summary>
public sealed record ListAudit(string? Actor = null, string? Action = null, int PageNumber = 1, int PageSize = 50)
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Entity { get; init; }
    public string? EntityKey { get; init; }
}

public sealed record VerifyAuditChain;

public sealed class AuditQueriesHandler(CivicGridDbContext db, LinkAuditEntriesHandler linker, AuditSeal seal)
{
    public async Task<Page<AuditRow>> HandleAsync(ListAudit query, CancellationToken ct)
    {
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        var size = Page<AuditRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var (total, more) = await entries.CountUpToAsync(PageCounting.Limit, ct);
        var entities = await entries.OrderByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var rows = entities.ConvertAll(e => new AuditRow(e.Id, DistrictTime.ToDistrictTime(e.At), e.Actor, e.Action, e.Entity, e.EntityKey, e.Detail, e.ClientAddress));
        var names = await AuditRecordNames.ForAsync(db, rows, ct);
        rows = rows.ConvertAll(r => r with { RecordName = names.GetValueOrDefault((r.Entity, r.EntityKey)) });
        return new Page<AuditRow>(rows, number, size, total) { TotalIsLowerBound = more };
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, ListAudit query)
    {
        entries = Equal(entries, query.Actor, v => e => e.Actor == v);
        entries = Equal(entries, query.Action, v => e => e.Action == v);
        entries = Equal(entries, query.Entity, v => e => e.Entity == v);
        entries = Equal(entries, query.EntityKey, v => e => e.EntityKey == v);
        if (query.From is { } from)
        {
            var start = Utc(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Utc(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    private static IQueryable<AuditEntry> Equal(IQueryable<AuditEntry> entries, string? value, Func<string, System.Linq.Expressions.Expression<Func<AuditEntry, bool>>> test) =>
        string.IsNullOrWhiteSpace(value) ? entries : entries.Where(test(value.Trim()));

    /// <summary>The start of a district day, as stored.</summary>
    private static DateTime Utc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DistrictTime.Zone);

    /// <summary>Links what is pending, then walks the whole chain in order, streaming, and checks it ends at the recorded head.</summary>
    public async Task<AuditVerification> HandleAsync(VerifyAuditChain query, CancellationToken ct)
    {
        await linker.HandleAsync(new LinkAuditEntries(), ct);
        // The head first, then the entries up to it: other nodes keep linking while the walk reads, and the head moves
        // only with the entries it covers, so what is read is one consistent chain however long the walk takes.
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        var upTo = head?.Version ?? long.MaxValue;
        AuditEntry? previous = null;
        var (count, keyed) = (0L, 0L);
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && e.Sequence <= upTo).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Broken(entry, previous, count + 1) is { } problem)
            {
                return problem with { Checked = count, Keyed = keyed };
            }
            previous = entry;
            count++;
            keyed += entry.Seal == AuditSealKind.Keyed ? 1 : 0;
        }
        if (head is not null && await LinkedPastTheHeadAsync(upTo, ct))
        {
            return new(false, count, null, count, "链尾与记录的链头不符") { Keyed = keyed };
        }
        return Tail(head, count, previous?.Hash ?? AuditEntry.GenesisHash) with { Keyed = keyed };
    }

    private AuditVerification? Broken(AuditEntry entry, AuditEntry? previous, long expected) =>
        entry.Sequence != expected ? new(false, 0, entry.Id, expected, $"第 {expected} 条记录缺失（被删除）")
        : entry.BreakAfter(previous, previous?.Hash ?? AuditEntry.GenesisHash, seal) switch
        {
            AuditBreak.Changed => new(false, 0, entry.Id, expected, $"第 {expected} 条记录（#{entry.Id}）的内容被改动"),
            AuditBreak.Unlinked => new(false, 0, entry.Id, expected, $"第 {expected} 条记录（#{entry.Id}）与前一条记录的链接不符"),
            AuditBreak.Unkeyed => new(false, 0, entry.Id, expected, $"第 {expected} 条记录（#{entry.Id}）没有密钥封印，而前一条有：记录被改写过"),
            _ => null,
        };

    /// <summary>
    /// Entries numbered past the head as it stands now were not linked by a linker (it moves both in one transaction):
    /// an entry appended by hand. The highest number is read before the head, so a link committed in between is not one.
    /// </summary>
    private async Task<bool> LinkedPastTheHeadAsync(long walked, CancellationToken ct)
    {
        var highest = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > walked).MaxAsync(e => e.Sequence, ct);
        return highest is { } last && last > (await db.AuditHeads.AsNoTracking().FirstAsync(ct)).Version;
    }

    /// <summary>The head records how many entries were linked and the last hash, so a deleted tail is found too.</summary>
    private static AuditVerification Tail(AuditHead? head, long count, string previous)
    {
        if (head is null || (head.Version == count && head.LastHash == previous))
        {
            return head is null && count > 0
                ? new(false, count, null, null, "审计链头记录缺失")
                : AuditVerification.Whole with { Checked = count };
        }
        return head.Version > count
            ? new(false, count, null, count + 1, $"第 {count + 1} 条至第 {head.Version} 条记录缺失（链尾被删除）")
            : new(false, count, null, count, "链尾与记录的链头不符");
    }
}
