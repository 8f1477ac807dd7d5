using CivicGrid.App.Exports;
using CivicGrid.App.People;
using CivicGrid.Core.People;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.People;

public sealed record UpdateResidentRequest(string? Phone, string ResidenceType, DateOnly? MoveInDate, IReadOnlyList<string>? Tags);

public sealed record RevealRequest(string? Reason);

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("People").RequireAuthorization(Policies.ManagesPeople);
        api.MapGet("/residents", async ([AsParameters] ResidentFilter f, SearchResidentsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        api.MapGet("/residents/export", ([AsParameters] ResidentFilter f, string? format, ExportListsHandler h, HttpContext http, CancellationToken ct) =>
            ExportDownload.WriteAsync(http, "residents", format, (stream, fmt) => h.ResidentsAsync(stream, fmt, f.ToQuery() with { PageSize = int.MaxValue }, ct))).ProducesExport();
        api.MapGet("/residents/{id:int}", async (int id, GetResidentHandler h, CancellationToken ct) => (await h.HandleAsync(new GetResident(id), ct)).OrNotFound());
        api.MapPut("/residents/{id:int}", async (int id, UpdateResidentRequest body, UpdateResidentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new UpdateResident(id, body.Phone, body.ResidenceType, body.MoveInDate, body.Tags ?? []), ct)).ToHttp());
        api.MapPost("/residents/{id:int}/reveal", async (int id, RevealRequest? body, RevealPersonalDataHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RevealPersonalData(id, body?.Reason), ct)).ToHttp());
        api.MapGet("/households/{id:int}", async (int id, GetHouseholdHandler h, CancellationToken ct) => (await h.HandleAsync(new GetHousehold(id), ct)).OrNotFound());

        api.MapGet("/tags", async (ManageTagsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        api.MapPost("/tags", async (SaveTag body, ManageTagsHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = null }, ct)).ToHttp());
        api.MapPut("/tags/{id:int}", async (int id, SaveTag body, ManageTagsHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = id }, ct)).ToHttp());
        api.MapDelete("/tags/{id:int}", async (int id, ManageTagsHandler h, CancellationToken ct) => (await h.HandleAsync(new DeleteTag(id), ct)).ToHttp());
        return api;
    }
}

/// <summary>The query string of a resident list, shared by the list, its export and the page.</summary>
public sealed record ResidentFilter
{
    public string? Q { get; init; }
    public string? Under { get; init; }
    public LifeStage? Stage { get; init; }
    public string? Tag { get; init; }
    public ResidenceType? Type { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public SearchResidents ToQuery() => new(Q, Under, Stage, Tag, Type, Sort ?? "name", Page ?? 1, PageSize ?? 20);
}
