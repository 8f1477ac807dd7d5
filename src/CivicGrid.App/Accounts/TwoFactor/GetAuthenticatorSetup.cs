using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>The signed-in account's authenticator: its shared key (made on first view) and whether two-factor sign-in is on.</summary>
public sealed record GetAuthenticatorSetup;

public sealed class GetAuthenticatorSetupHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<AuthenticatorSetup>> HandleAsync(GetAuthenticatorSetup query, CancellationToken ct)
    {
        var user = db.Jurisdiction.UserId is { } id ? await users.FindByIdAsync(id) : null;
        return user is null ? Outcome<AuthenticatorSetup>.NotFound() : Outcome<AuthenticatorSetup>.Ok(await Authenticator.SetupAsync(users, user));
    }
}
