using CivicGrid.App.Open311;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Open311;

public sealed record IssueIntegrationKeyRequest(string Name);

/// <summary>The district admin's JSON API for Open311 keys; the plain key is only in the answer to issuing it.</summary>
internal static class IntegrationKeysApi
{
    public static RouteGroupBuilder MapIntegrationKeys(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/integration-keys").WithTags("Open311").RequireAuthorization(Policies.DistrictAdmin);
        api.MapGet("/", async (ManageIntegrationKeysHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        api.MapPost("/", async (IssueIntegrationKeyRequest body, ManageIntegrationKeysHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new IssueIntegrationKey(body.Name), ct)).ToHttp());
        api.MapPost("/{id:int}/revoke", async (int id, ManageIntegrationKeysHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RevokeIntegrationKey(id), ct)).ToHttp());
        return api;
    }
}
