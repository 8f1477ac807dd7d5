using CivicGrid.App.Community;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Community;

/// <summary>
/// What residents see of their community without calling anyone: the public case map and list, one public case, the
/// deliberation days. Reading is open to anyone (a visitor names a community); following a case is a resident's.
/// </summary>
public static class CommunityApi
{
    public static RouteGroupBuilder MapCommunity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/community").WithTags("Community");
        api.MapGet("/cases", async (string? community, string? status, int? page, int? pageSize, CommunityCasesHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CommunityCases(community, status, page ?? 1, pageSize ?? 20), ct)).ToHttp()).AllowAnonymous();
        api.MapGet("/cases/{id:int}", async (int id, GetPublicCaseHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetPublicCase(id), ct)).OrNotFound()).AllowAnonymous();
        api.MapPost("/cases/{id:int}/follow", async (int id, FollowCaseHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new FollowCase(id), ct)).ToHttp()).RequireAuthorization();
        api.MapDelete("/cases/{id:int}/follow", async (int id, FollowCaseHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new FollowCase(id, Follow: false), ct)).ToHttp()).RequireAuthorization();
        api.MapGet("/deliberation-days", async (string? community, CommunityDeliberationHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CommunityDeliberation(community), ct)).ToHttp()).AllowAnonymous();
        return api;
    }
}
