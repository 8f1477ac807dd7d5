using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>
/// Gives an account a new one-time password (重置密码) for someone who forgot theirs: it must be changed at the next
/// sign-in, and the account's open sessions end.
/// </summary>
public sealed record ResetPassword(string Id);

public sealed class ResetPasswordHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<OneTimePassword>> HandleAsync(ResetPassword command, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<OneTimePassword>(command.Id, AccountAction.ResetPassword, ct);
        if (user is null)
        {
            return refusal!;
        }
        var password = AccountPasswords.NewFor(user.UserName!);
        user.MustChangePassword = true;
        AccountAccess.Audit(db, AccountAuditActions.ResetPassword, user);
        // The new hash, a new stamp (ending the account's sessions) and the flag are saved together, once; the password
        // is made to pass the policy, so no validator is asked.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        if (await AccountChanges.RefusedAsync(db, users.UpdateSecurityStampAsync(user)) is { } errors)
        {
            return Outcome<OneTimePassword>.Invalid(errors);
        }
        return Outcome<OneTimePassword>.Ok(new OneTimePassword(user.Id, user.UserName!, password));
    }
}
