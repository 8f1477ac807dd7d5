using CivicGrid.App.Hotspots;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Hotspots;

/// <summary>
/// Hotspots and rising trends of the caller's subtree (or a part of it), for those who see the indicators; territorial
/// staff open a hotspot's proactive task.
/// </summary>
public static class HotspotsApi
{
    public static RouteGroupBuilder MapHotspots(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotspots").WithTags("Hotspots").RequireAuthorization(Policies.SeesIndicators);
        api.MapGet("", async (string? scope, FindHotspotsHandler h, CancellationToken ct) => (await h.HandleAsync(new FindHotspots(scope), ct)).ToHttp());
        api.MapPost("/tasks", async (OpenHotspotTask body, OpenHotspotTaskHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp())
            .RequireAuthorization(Policies.OpensProactiveTasks);
        return api;
    }
}
