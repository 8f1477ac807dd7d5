using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Access;

/// <summary>How long a session lasts: it ends after <see cref="IdleMinutes"/> without a request, and in any case <see cref="AbsoluteHours"/> after sign-in.</summary>
public sealed class SessionLimits
{
    public const string Section = "Sessions";
    public int IdleMinutes { get; set; } = 30;
    public int AbsoluteHours { get; set; } = 12;
}

internal static class CookiePolicy
{
    /// <summary>Kept in the cookie's properties, which survive sliding renewals; the ticket's own issue time does not.</summary>
    private const string SignedInAt = App.Accounts.StaffSignInManager.SignedInAtItem;

    public static void Configure(CookieAuthenticationOptions o, SessionLimits limits)
    {
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/denied";
        o.ExpireTimeSpan = TimeSpan.FromMinutes(limits.IdleMinutes);
        o.SlidingExpiration = true;
        o.Cookie.Name = "civicgrid";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        o.Events.OnSigningIn = context =>
        {
            context.Properties.Items.TryAdd(SignedInAt, context.Options.TimeProvider!.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        var validateStamp = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async context =>
        {
            if (!WithinAbsoluteLimit(context, limits) || !await SessionCheck.IsCurrentAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validateStamp(context);
        };
    }

    private static bool WithinAbsoluteLimit(CookieValidatePrincipalContext context, SessionLimits limits) =>
        context.Properties.Items.TryGetValue(SignedInAt, out var text)
        && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && context.Options.TimeProvider!.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) < TimeSpan.FromHours(limits.AbsoluteHours);

    /// <summary>The API answers 401/403; pages redirect to the sign-in or denied page.</summary>
    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
