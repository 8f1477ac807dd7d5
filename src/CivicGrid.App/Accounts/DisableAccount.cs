using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>
/// Stops an account (停用): it cannot sign in, and its open sessions end at their next request, because the new security
/// stamp no longer matches the one their cookies carry.
/// </summary>
public sealed record DisableAccount(string Id);

public sealed class DisableAccountHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<AccountSummary>> HandleAsync(DisableAccount command, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<AccountSummary>(command.Id, AccountAction.Disable, ct);
        if (user is null)
        {
            return refusal!;
        }
        if (user.DisabledAt is null)
        {
            user.DisabledAt = db.UtcNow();
            AccountAccess.Audit(db, AccountAuditActions.Disable, user);
            if (await AccountChanges.RefusedAsync(db, users.UpdateSecurityStampAsync(user)) is { } errors)
            {
                return Outcome<AccountSummary>.Invalid(errors);
            }
        }
        return Outcome<AccountSummary>.Ok(AccountViews.Summary(user, null, db.Clock.GetUtcNow()));
    }
}
