using CivicGrid.App.PublicServices.Facilities;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.PublicServices.Facilities;

/// <summary>A facility as the API and the edit page send it; services by catalogue code.</summary>
public sealed record FacilityRequest(
    string? Name, string? TypeCode, string? GridCode, string? Address, double? Latitude, double? Longitude,
    double? FloorArea, int? Capacity, string? OpeningHours, string? Operator, IReadOnlyList<string>? Services)
{
    public SaveFacility ToCommand(int? id) =>
        new(id, Name, TypeCode, GridCode, Address, Latitude, Longitude, FloorArea, Capacity, OpeningHours, Operator, Services ?? []);
}

public static class FacilitiesApi
{
    public static RouteGroupBuilder MapFacilities(this IEndpointRouteBuilder app)
    {
        // Facilities are public information: every staff member reads them; the handlers decide who may change them.
        var api = app.MapGroup("/api/facilities").WithTags("Facilities").RequireAuthorization(Policies.Staff);
        api.MapGet("/types", async (ListFacilityTypesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListFacilityTypes(), ct)));
        api.MapGet("/", async ([AsParameters] FacilityFilter f, ListFacilitiesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        api.MapGet("/{id:int}", async (int id, GetFacilityHandler h, CancellationToken ct) => (await h.HandleAsync(new GetFacility(id), ct)).OrNotFound());
        api.MapPost("/", async (FacilityRequest body, SaveFacilityHandler h, CancellationToken ct) => (await h.HandleAsync(body.ToCommand(null), ct)).ToHttp());
        api.MapPut("/{id:int}", async (int id, FacilityRequest body, SaveFacilityHandler h, CancellationToken ct) => (await h.HandleAsync(body.ToCommand(id), ct)).ToHttp());
        api.MapDelete("/{id:int}", async (int id, DeleteFacilityHandler h, CancellationToken ct) => (await h.HandleAsync(new DeleteFacility(id), ct)).ToHttp());
        return api;
    }
}

/// <summary>The query string of a facility list, shared by the API and the page.</summary>
public sealed record FacilityFilter
{
    public string? Type { get; init; }
    public string? Under { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListFacilities ToQuery() => new(Type, Under, Q, Sort ?? "name", Page ?? 1, PageSize ?? 20);
}
