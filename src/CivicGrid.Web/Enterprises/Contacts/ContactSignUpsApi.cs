using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Contacts;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises.Contacts;

/// <summary>
/// Contacts' self sign-up over HTTP (企业联系人自助申请), as on its pages: anyone asks, within the page's budget per address
/// (<c>RateLimits:ContactSignUpsPerMinute</c>); those who invite contacts list the pending requests and decide them.
/// </summary>
public static class ContactSignUpsApi
{
    public static void MapContactSignUps(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprise-contacts").WithTags("Enterprise contacts");
        api.MapPost("/sign-up", async (RequestContactSignUp body, RequestContactSignUpHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body, ct)).ToHttp()).AllowAnonymous().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/sign-ups", async (ListContactSignUpsHandler h, CancellationToken ct) => (await h.HandleAsync(new ListContactSignUps(), ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsEnterpriseLists);
        api.MapPost("/sign-ups/{id:int}/decision", async (int id, ContactSignUpDecisionRequest body, DecideContactSignUpHandler h, CancellationToken ct) =>
            (await body.SendAsync(id, h, ct)).ToHttp()).RequireAuthorization(Policies.KeepsEnterpriseLists);
    }
}

/// <summary>A decision on a request: approve (the contact's account opens) or not, with a note (the reason when not approved).</summary>
public sealed record ContactSignUpDecisionRequest(bool? Approve, string? Note)
{
    public async Task<Outcome<ContactSignUpDecided>> SendAsync(int id, DecideContactSignUpHandler handler, CancellationToken ct)
    {
        if (Approve is not { } approve)
        {
            return Outcome<ContactSignUpDecided>.Invalid("approve", "请选择通过或不予通过");
        }
        var outcome = await handler.HandleAsync(new DecideContactSignUp(id, approve, Note), ct);
        return outcome.Kind == OutcomeKind.Ok
            ? Outcome<ContactSignUpDecided>.Ok(new ContactSignUpDecided(approve, outcome.Value))
            : new Outcome<ContactSignUpDecided>(outcome.Kind, null, outcome.Errors);
    }
}

/// <summary>What was decided; on approval the new contact account's user name and one-time password, shown this once.</summary>
public sealed record ContactSignUpDecided(bool Approved, OneTimePassword? Account);
