using CivicGrid.App.Data;
using CivicGrid.App.GridWork;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.GridWork;

public sealed record HandoverRequest(string? From, string? To, string? NewGridCode);

/// <summary>Grid work handover and the grids without an active grid worker, for the staff who administer a subtree.</summary>
public static class GridWorkApi
{
    public static RouteGroupBuilder MapGridWork(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grid-work").WithTags("Grid work").RequireAuthorization(Policies.Administers);
        api.MapGet("/workers", async (CivicGridDbContext db, CancellationToken ct) => TypedResults.Ok(await GridWorkers.UnderAsync(db, db.Jurisdiction.ScopeCode, ct)));
        api.MapGet("/gaps", async (ListGridGapsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListGridGaps(), ct)));
        api.MapPost("/handover/preview", async (HandoverRequest body, HandOverGridWorkHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new PreviewHandover(body.From, body.To, body.NewGridCode), ct)).ToHttp());
        api.MapPost("/handover", async (HandoverRequest body, HandOverGridWorkHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new HandOverGridWork(body.From, body.To, body.NewGridCode), ct)).ToHttp());
        return api;
    }
}
