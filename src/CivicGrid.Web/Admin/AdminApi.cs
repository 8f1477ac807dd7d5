using CivicGrid.App.Audit;
using CivicGrid.Web.Access;

namespace CivicGrid.Web.Admin;

public static class AdminApi
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.DistrictAdmin);
        api.MapGet("/", async (string? actor, string? action, DateOnly? from, DateOnly? to, string? entity, string? key, int? page, AuditQueriesHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListAudit(actor, action, page ?? 1) { From = from, To = to, Entity = entity, EntityKey = key }, ct)));
        api.MapGet("/verify", async (AuditQueriesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new VerifyAuditChain(), ct)));
        return api;
    }
}
