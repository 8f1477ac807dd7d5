using CivicGrid.App.Accounts.SignUp;
using CivicGrid.Core.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Access;

public sealed record PhoneCodeRequest(string? Phone, PhoneCodePurpose? Purpose);

public sealed record PhoneCodeSent(int ValidSeconds);

public sealed record SignUpRequest(string? Phone, string? Code, string? Name, string? IdNumber, string? CommunityCode, string? Password);

public sealed record PasswordResetRequest(string? Phone, string? Code, string? Password);

public sealed record SignUpDecision(int? ResidentId);

/// <summary>Residents' own accounts: codes by SMS, sign-up, a forgotten password, and the grid worker's confirmation.</summary>
public static class SignUpApi
{
    public static IEndpointRouteBuilder MapSignUp(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/auth").WithTags("Account").RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery();
        open.MapPost("/phone-code", RequestCodeAsync);
        open.MapPost("/register", async (SignUpRequest r, SignUpResidentHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new SignUpResident(r.Phone, r.Code, r.Name, r.IdNumber, r.CommunityCode, r.Password), ct)).ToHttp());
        open.MapPost("/reset-password", async (PasswordResetRequest r, ResetPasswordByPhoneHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new ResetPasswordByPhone(r.Phone, r.Code, r.Password), ct)).ToHttp());
        app.MapGet("/api/auth/communities", async (MySignUpHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CommunitiesAsync(ct))).WithTags("Account");
        app.MapGet("/api/auth/sign-up", async (MySignUpHandler handler, CancellationToken ct) => (await handler.HandleAsync(new MySignUp(), ct)).OrNotFound())
            .RequireAuthorization().WithTags("Account");

        var staff = app.MapGroup("/api/resident-sign-ups").WithTags("People").RequireAuthorization(Policies.ManagesPeople);
        staff.MapGet("", async (ListPendingSignUpsHandler handler, CancellationToken ct) => (await handler.HandleAsync(new ListPendingSignUps(), ct)).ToHttp());
        staff.MapPost("/{id:int}/confirm", async (int id, SignUpDecision decision, DecideSignUpHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideSignUp(id, decision.ResidentId, Reject: false), ct)).ToHttp());
        staff.MapPost("/{id:int}/reject", async (int id, DecideSignUpHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideSignUp(id, null, Reject: true), ct)).ToHttp());
        return app;
    }

    private static async Task<Results<Ok<PhoneCodeSent>, ValidationProblem, ThrottledProblem>> RequestCodeAsync(
        PhoneCodeRequest request, RequestPhoneCodeHandler handler, HttpContext context, CancellationToken ct)
    {
        var answer = await handler.HandleAsync(new RequestPhoneCode(request.Phone, request.Purpose, context.Connection.RemoteIpAddress?.ToString() ?? "local"), ct);
        if (answer.Sent)
        {
            return TypedResults.Ok(new PhoneCodeSent((int)PhoneCode.Lifetime.TotalSeconds));
        }
        return answer.Throttled
            ? new ThrottledProblem(answer.Reason)
            : OutcomeResults.Invalid(answer.Field!, answer.Reason!);
    }
}
