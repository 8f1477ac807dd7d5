namespace CivicGrid.Web.Access;

/// <summary>
/// An account signed in with a one-time password does nothing before it chooses its own: pages lead to the password
/// page, the API answers 403 with the reason, except signing out, reading who one is and changing the password.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string PasswordPage = "/account/password";
    public const string Problem = "请先修改初始密码（一次性密码），再使用系统";

    private static readonly string[] Open = [PasswordPage, "/account/logout", "/account/login", "/account/denied", "/api/auth/logout", "/api/auth/me", "/api/auth/antiforgery", "/api/auth/password", "/culture", "/error", "/health"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword) && !IsOpen(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(Problem, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            context.Response.Redirect(PasswordPage);
            return;
        }
        await next(context);
    }

    private static bool IsOpen(PathString path) =>
        Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        // Static assets (styles, scripts) that the password page itself needs.
        || Path.HasExtension(path.Value);
}
