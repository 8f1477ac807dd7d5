using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>Lifts the lock that wrong passwords put on an account (解除锁定) before its 15 minutes are up.</summary>
public sealed record UnlockAccount(string Id);

public sealed class UnlockAccountHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<AccountSummary>> HandleAsync(UnlockAccount command, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<AccountSummary>(command.Id, AccountAction.Unlock, ct);
        if (user is null)
        {
            return refusal!;
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        AccountAccess.Audit(db, AccountAuditActions.Unlock, user);
        if (await AccountChanges.RefusedAsync(db, users.UpdateAsync(user)) is { } errors)
        {
            return Outcome<AccountSummary>.Invalid(errors);
        }
        return Outcome<AccountSummary>.Ok(AccountViews.Summary(user, null, db.Clock.GetUtcNow()));
    }
}
