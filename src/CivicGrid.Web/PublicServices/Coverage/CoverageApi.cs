using CivicGrid.App.PublicServices.Coverage;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.PublicServices.Coverage;

public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverage(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coverage").WithTags("Coverage").RequireAuthorization(Policies.ManagesPeople);
        api.MapGet("/", async (string? type, string? node, GetCoverageHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetCoverage(type, node), ct)).ToHttp());
        api.MapGet("/households", async (string? type, string? node, GetCoverageLayerHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetCoverageLayer(type, node), ct)).ToHttp());
        return api;
    }
}
