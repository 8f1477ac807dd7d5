using CivicGrid.App.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace CivicGrid.Web.Access;

public sealed record SignInRequest(string UserName, string Password);

/// <summary>The token an API client sends in the header <see cref="HeaderName"/> with its form-like requests.</summary>
public sealed record RequestToken(string HeaderName, string Token);

public sealed record AccountView(string UserName, string DisplayName, string Role, string ScopeCode)
{
    /// <summary>The account signed in with a one-time password and must choose its own before anything else.</summary>
    public bool MustChangePassword { get; init; }
}

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");
        api.MapPost("/login", SignInAsync).RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status423Locked);
        app.MapTwoFactor();
        app.MapSignUp();
        api.MapPost("/logout", SignOutAsync).RequireAuthorization();
        api.MapGet("/me", Me).RequireAuthorization();
        api.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new RequestToken(tokens.HeaderName!, tokens.RequestToken!));
        }).RequireAuthorization();

        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            var culture = CivicGridHost.Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? CivicGridHost.Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<AccountView>, Accepted<TwoFactorChallenge>, ValidationProblem, ProblemHttpResult>> SignInAsync(SignInRequest request, SignInManager<StaffUser> signIn, App.Accounts.SignUp.SignInNames names, CancellationToken ct)
    {
        if (Missing(request) is { Count: > 0 } missing)
        {
            return OutcomeResults.Invalid(missing);
        }
        var userName = await names.UserNameAsync(request.UserName, ct);
        var result = await signIn.PasswordSignInAsync(userName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return TypedResults.Accepted(TwoFactorApi.SecondStep, TwoFactorApi.Challenge());
        }
        if (!result.Succeeded)
        {
            var (message, status) = await SignInRefusal.OfAsync(signIn, userName, request.Password!, result);
            return TypedResults.Problem(message, statusCode: status);
        }
        var user = await signIn.UserManager.FindByNameAsync(userName);
        return TypedResults.Ok(new AccountView(user!.UserName!, user.DisplayName, user.Role.ToString(), user.ScopeCode) { MustChangePassword = user.MustChangePassword });
    }

    /// <summary>Changes the signed-in account's password; other sessions end, this one is signed in anew.</summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, HttpContext context, SignInManager<StaffUser> signIn)
    {
        var user = await signIn.UserManager.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var errors = await OwnPassword.ChangeAsync(signIn, user, request.CurrentPassword, request.NewPassword);
        return errors.Count > 0 ? OutcomeResults.Invalid(errors) : TypedResults.NoContent();
    }

    /// <summary>A body without a name or a password is refused by field before any account is looked up or locked.</summary>
    private static Dictionary<string, string[]> Missing(SignInRequest request)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            missing["userName"] = ["请输入用户名"];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            missing["password"] = ["请输入密码"];
        }
        return missing;
    }

    private static async Task<NoContent> SignOutAsync(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<AccountView> Me(HttpContext context) => TypedResults.Ok(new AccountView(
        context.User.Identity!.Name!, context.User.FindFirst(StaffClaims.DisplayName)?.Value ?? "",
        StaffClaims.Role(context.User)?.ToString() ?? "", StaffClaims.ScopeCode(context.User) ?? "")
    {
        MustChangePassword = context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword),
    });
}
