using CivicGrid.App.Exports;
using CivicGrid.App.Imports;
using CivicGrid.App.Territory;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Territory;

public static class TerritoryApi
{
    public static RouteGroupBuilder MapTerritory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Territory").RequireAuthorization(Policies.ManagesPeople);
        api.MapGet("/territory", async (GetTerritoryNodeHandler h, CancellationToken ct) => (await h.HandleAsync(new GetTerritoryNode(null), ct)).OrNotFound());
        api.MapGet("/territory/{code}", async (string code, GetTerritoryNodeHandler h, CancellationToken ct) => (await h.HandleAsync(new GetTerritoryNode(code), ct)).OrNotFound());
        api.MapGet("/territory/{code}/map", async Task<Results<ContentHttpResult, NotFoundProblem>> (string code, GetTerritoryMapHandler h, CancellationToken ct) =>
            await h.HandleAsync(new GetTerritoryMap(code), ct) is { } map
                ? TypedResults.Text(map.ToJsonString(), "application/geo+json; charset=utf-8")
                : new NotFoundProblem()).ProducesGeoJson();
        api.MapGet("/territory/{code}/buildings", async (string code, ListGridContentsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListBuildings(code), ct)));
        api.MapGet("/business-communities", async (ListBusinessCommunitiesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListBusinessCommunities(), ct)));
        api.MapGet("/buildings/{id:int}/households", async (int id, ListGridContentsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListHouseholds(id), ct)));
        api.MapGet("/territory/{code}/buildings/export", (string code, string? format, ExportListsHandler h, HttpContext http, CancellationToken ct) =>
            ExportDownload.WriteAsync(http, "buildings", format, (stream, fmt) => h.BuildingsAsync(stream, fmt, code, ct))).ProducesExport();
        api.MapGet("/buildings/{id:int}/households/export", (int id, string? format, ExportListsHandler h, HttpContext http, CancellationToken ct) =>
            ExportDownload.WriteAsync(http, "households", format, (stream, fmt) => h.HouseholdsAsync(stream, fmt, id, ct))).ProducesExport();
        api.MapPost("/territory/import", async (HttpRequest request, bool? commit, ImportTerritoryHandler h, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var outcome = await h.HandleAsync(new ImportTerritory(await reader.ReadToEndAsync(ct), commit == true), ct);
            return outcome.ToHttpReport(r => r.HasErrors);
        }).Accepts<string>("application/geo+json", "application/json").DisableAntiforgery();
        return api;
    }
}
