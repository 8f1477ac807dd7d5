using CivicGrid.App.Data.Writes;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>
/// An administrator resets an account's second factor when its phone is lost: the key and recovery codes are gone,
/// its sessions end, and at the next sign-in the account enrols again (its role still requiring it).
/// </summary>
public sealed record ResetTwoFactor(string UserName);

public sealed class ResetTwoFactorHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<string>> HandleAsync(ResetTwoFactor command, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(command.UserName ?? "");
        if (user is null)
        {
            return Outcome<string>.NotFound();
        }
        if (!TwoFactorAdministration.MayReset(db.Jurisdiction, user))
        {
            return Outcome<string>.Forbidden("您无权重置该账号的两步验证");
        }
        AuditTrail.Record(db, "reset-two-factor", nameof(StaffUser), user.Id);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return Outcome<string>.Ok(user.UserName!);
    }
}
