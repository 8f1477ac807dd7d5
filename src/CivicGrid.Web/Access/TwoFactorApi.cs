using CivicGrid.App.Access;
using CivicGrid.App.Accounts.TwoFactor;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Access;

/// <summary>The second step of a sign-in: a code from the authenticator app, or one recovery code.</summary>
public sealed record TwoFactorSignInRequest(string? Code, string? RecoveryCode);

/// <summary>The answer to a correct password of an account that signs in with two factors.</summary>
public sealed record TwoFactorChallenge(bool TwoFactorRequired, string Next, string Message);

public sealed record TwoFactorCodeRequest(string? Code);

public static class TwoFactorApi
{
    public const string SecondStep = "/api/auth/login/two-factor";

    public static IEndpointRouteBuilder MapTwoFactor(this IEndpointRouteBuilder app)
    {
        app.MapPost(SecondStep, SecondStepAsync).RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery().WithTags("Account")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        var own = app.MapGroup("/api/auth/two-factor").WithTags("Account").RequireAuthorization();
        own.MapGet("", async (GetAuthenticatorSetupHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new GetAuthenticatorSetup(), ct)).ToHttp());
        own.MapPost("/enable", async (TwoFactorCodeRequest request, EnableTwoFactorHandler handler, SignInManager<StaffUser> signIn, HttpContext context, CancellationToken ct) =>
            await RefreshedAsync(await handler.HandleAsync(new EnableTwoFactor(request.Code), ct), signIn, context));
        own.MapPost("/disable", async (TwoFactorCodeRequest request, DisableTwoFactorHandler handler, SignInManager<StaffUser> signIn, HttpContext context, CancellationToken ct) =>
            await RefreshedAsync(await handler.HandleAsync(new DisableTwoFactor(request.Code), ct), signIn, context));
        own.MapPost("/recovery-codes", async (NewRecoveryCodesHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new NewRecoveryCodes(), ct)).ToHttp());
        app.MapPost("/api/admin/two-factor/{userName}/reset", async (string userName, ResetTwoFactorHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new ResetTwoFactor(userName), ct)).ToHttp()).RequireAuthorization(Policies.Administers).WithTags("Admin");
        return app;
    }

    public static TwoFactorChallenge Challenge() => new(true, SecondStep, "请输入验证器中的6位验证码或一个恢复码");

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> SecondStepAsync(TwoFactorSignInRequest request, SignInManager<StaffUser> signIn)
    {
        var useRecovery = !string.IsNullOrWhiteSpace(request.RecoveryCode);
        if (!useRecovery && string.IsNullOrWhiteSpace(request.Code))
        {
            return OutcomeResults.Invalid("code", "请输入验证码或恢复码");
        }
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return TypedResults.Problem("请先用用户名和密码登录，再输入验证码", statusCode: StatusCodes.Status401Unauthorized);
        }
        var result = await TwoFactorSignIn.SignInAsync(signIn, useRecovery ? request.RecoveryCode : request.Code, useRecovery);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(result.IsLockedOut ? "账号已锁定，请15分钟后再试" : useRecovery ? "恢复码不正确或已用过" : "验证码不正确或已过期",
                statusCode: result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
        }
        return TypedResults.Ok(new AccountView(user.UserName!, user.DisplayName, user.Role.ToString(), user.ScopeCode));
    }

    /// <summary>Signs the session in again after the change, so its claims say whether it uses a second factor.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, NotFoundProblem, ForbiddenProblem>> RefreshedAsync<T>(App.Data.Outcome<T> outcome, SignInManager<StaffUser> signIn, HttpContext context)
    {
        if (outcome.Kind == App.Data.OutcomeKind.Ok && await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return outcome.ToHttp();
    }
}

/// <summary>The second step as the page and the API both take it.</summary>
public static class TwoFactorSignIn
{
    public static Task<SignInResult> SignInAsync(SignInManager<StaffUser> signIn, string? code, bool recovery) => recovery
        ? signIn.TwoFactorRecoveryCodeSignInAsync(new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()))
        : signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.Digits(code), isPersistent: false, rememberClient: false);
}
