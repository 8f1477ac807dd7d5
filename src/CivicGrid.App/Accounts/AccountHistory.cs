using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>What the audit log holds about one account (账号记录), newest first: who did what, when, from where.</summary>
public sealed record AccountHistory(string Id, int PageNumber = 1, int PageSize = 50);

public sealed class AccountHistoryHandler(CivicGridDbContext db)
{
    public async Task<Outcome<Page<AuditRow>>> HandleAsync(AccountHistory query, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<Page<AuditRow>>(query.Id, AccountAction.View, ct);
        if (user is null)
        {
            return refusal!;
        }
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Entity == AccountAccess.Entity && e.EntityKey == user.Id);
        var size = Page<AuditRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Outcome<Page<AuditRow>>.Ok(new Page<AuditRow>(
            rows.ConvertAll(e => new AuditRow(e.Id, DistrictTime.ToDistrictTime(e.At), e.Actor, e.Action, e.Entity, e.EntityKey, e.Detail, e.ClientAddress)), number, size, total));
    }
}
