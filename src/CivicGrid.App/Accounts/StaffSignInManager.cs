using CivicGrid.App.Access;
using System.Security.Claims;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Accounts;

/// <summary>
/// Sign-in as Identity does it, except that a stopped account is not allowed in, and each new sign-in (not the renewal
/// of a session after a password change) records its time on the account.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation, CivicGridDbContext db)
    : SignInManager<StaffUser>(users, context, claims, options, logger, schemes, confirmation)
{
    /// <summary>Set on a session's properties by the host when it first signs in; a renewal carries it over.</summary>
    public const string SignedInAtItem = "civicgrid.signed-in";

    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(StaffUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // Read before signing in: the host adds the item to these properties as the cookie is issued.
        var renewal = authenticationProperties?.Items.ContainsKey(SignedInAtItem) == true;
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (!renewal)
        {
            // A sign-in is not a change of the account's record, so it is written past the audit trail.
            var now = db.Clock.GetUtcNow().UtcDateTime;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        }
    }
}
