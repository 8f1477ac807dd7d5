using System.Security.Claims;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Access;

/// <summary>
/// Checks on every request that the session's account still stands as it signed in: not stopped, and with the security
/// stamp its cookie carries. Stopping an account, resetting its password or changing its role or scope renews the stamp,
/// so its sessions end at their next request rather than at Identity's periodic check. One read by primary key.
/// </summary>
internal static class SessionCheck
{
    public static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }
        var db = services.GetRequiredService<CivicGridDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.DisabledAt }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        return account is { DisabledAt: null } && account.SecurityStamp == principal!.FindFirstValue(stampType);
    }
}
