using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>Lets a stopped account sign in again (启用).</summary>
public sealed record EnableAccount(string Id);

public sealed class EnableAccountHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<AccountSummary>> HandleAsync(EnableAccount command, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<AccountSummary>(command.Id, AccountAction.Enable, ct);
        if (user is null)
        {
            return refusal!;
        }
        if (user.DisabledAt is not null)
        {
            user.DisabledAt = null;
            AccountAccess.Audit(db, AccountAuditActions.Enable, user);
            if (await AccountChanges.RefusedAsync(db, users.UpdateAsync(user)) is { } errors)
            {
                return Outcome<AccountSummary>.Invalid(errors);
            }
        }
        return Outcome<AccountSummary>.Ok(AccountViews.Summary(user, null, db.Clock.GetUtcNow()));
    }
}
