using CivicGrid.App.Accounts.TwoFactor;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Access;

/// <summary>
/// An account whose role requires two-factor sign-in and has not enrolled can do nothing but enrol: pages send it to
/// <see cref="EnrolPath"/>, the API answers 403 with the reason.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next, IOptions<TwoFactorOptions> policy)
{
    public const string EnrolPath = "/account/two-factor";

    /// <summary>What an account that must enrol may still reach: enrolment, signing out, its own name, the language and the assets.</summary>
    private static readonly string[] Open =
        [EnrolPath, PasswordChangeGate.PasswordPage, "/account/logout", "/api/auth", "/culture", "/error", "/css", "/js", "/lib", "/_framework", "/_content", "/favicon.svg"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || StaffClaims.Role(user) is not { } role || !policy.Value.IsRequiredFor(role)
            || user.HasClaim(c => c.Type == StaffClaims.TwoFactor) || Open.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            return next(context);
        }
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311"))
        {
            return Results.Problem("您的角色须先开启两步验证（/account/two-factor）才能使用本系统", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }
        context.Response.Redirect(EnrolPath);
        return Task.CompletedTask;
    }
}
