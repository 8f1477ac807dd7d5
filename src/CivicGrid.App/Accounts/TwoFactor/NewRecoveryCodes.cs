using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>Replaces the account's recovery codes with ten new ones; the old ones stop working.</summary>
public sealed record NewRecoveryCodes;

public sealed class NewRecoveryCodesHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<RecoveryCodes>> HandleAsync(NewRecoveryCodes command, CancellationToken ct)
    {
        var user = db.Jurisdiction.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return Outcome<RecoveryCodes>.NotFound();
        }
        if (!user.TwoFactorEnabled)
        {
            return Outcome<RecoveryCodes>.Invalid("", "请先开启两步验证");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount);
        return Outcome<RecoveryCodes>.Ok(new RecoveryCodes([.. codes!]));
    }
}
