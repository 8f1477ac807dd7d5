using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Accounts;

/// <summary>An account as the API's create body sends it.</summary>
public sealed record AccountCreateRequest(
    string? UserName, string? DisplayName, string? Role, string? ScopeCode, string? DepartmentCode, string? Phone, string? Email,
    int? BusinessCommunityId = null, string? CreditCode = null, int? ServiceGroupId = null)
{
    public CreateAccount ToCommand() => new(UserName, new AccountFields(DisplayName, Role, ScopeCode, DepartmentCode, Phone, Email)
    {
        BusinessCommunityId = BusinessCommunityId, CreditCode = CreditCode, ServiceGroupId = ServiceGroupId,
    });
}

/// <summary>An account's editable fields as the API's update body sends them; the user name does not change.</summary>
public sealed record AccountUpdateRequest(
    string? DisplayName, string? Role, string? ScopeCode, string? DepartmentCode, string? Phone, string? Email,
    int? BusinessCommunityId = null, string? CreditCode = null, int? ServiceGroupId = null)
{
    public UpdateAccount ToCommand(string id) => new(id, new AccountFields(DisplayName, Role, ScopeCode, DepartmentCode, Phone, Email)
    {
        BusinessCommunityId = BusinessCommunityId, CreditCode = CreditCode, ServiceGroupId = ServiceGroupId,
    });
}

/// <summary>The query string of the account list, shared by the API and the page.</summary>
public sealed record AccountFilter
{
    public string? Role { get; init; }
    public string? Under { get; init; }
    public string? Department { get; init; }
    public bool? Disabled { get; init; }
    public bool? NeverSignedIn { get; init; }
    public DateOnly? LastSignInBefore { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListAccounts ToQuery() => new(Role, Under, Department, Disabled, NeverSignedIn ?? false, LastSignInBefore, Q, Sort, Page ?? 1, PageSize ?? 20);
}

public static class AccountsApi
{
    /// <summary>Everyone who keeps accounts reaches these (<see cref="Policies.AdministersAccounts"/>); the handlers apply the account rule.</summary>
    public static RouteGroupBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/accounts").WithTags("Accounts").RequireAuthorization(Policies.AdministersAccounts);
        api.MapGet("/", async ([AsParameters] AccountFilter f, ListAccountsHandler h, CancellationToken ct) => (await h.HandleAsync(f.ToQuery(), ct)).ToHttp());
        api.MapPost("/", async (AccountCreateRequest body, CreateAccountHandler h, CancellationToken ct) => (await h.HandleAsync(body.ToCommand(), ct)).ToHttp());
        api.MapGet("/{id}", async (string id, GetAccountHandler h, CancellationToken ct) => (await h.HandleAsync(new GetAccount(id), ct)).ToHttp());
        api.MapPut("/{id}", async (string id, AccountUpdateRequest body, UpdateAccountHandler h, CancellationToken ct) => (await h.HandleAsync(body.ToCommand(id), ct)).ToHttp());
        api.MapPost("/{id}/disable", async (string id, DisableAccountHandler h, CancellationToken ct) => (await h.HandleAsync(new DisableAccount(id), ct)).ToHttp());
        api.MapPost("/{id}/enable", async (string id, EnableAccountHandler h, CancellationToken ct) => (await h.HandleAsync(new EnableAccount(id), ct)).ToHttp());
        api.MapPost("/{id}/reset-password", async (string id, ResetPasswordHandler h, CancellationToken ct) => (await h.HandleAsync(new ResetPassword(id), ct)).ToHttp());
        api.MapPost("/{id}/unlock", async (string id, UnlockAccountHandler h, CancellationToken ct) => (await h.HandleAsync(new UnlockAccount(id), ct)).ToHttp());
        api.MapGet("/{id}/history", async (string id, int? page, AccountHistoryHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AccountHistory(id, page ?? 1), ct)).ToHttp());
        return api;
    }
}
