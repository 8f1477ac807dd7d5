using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Dashboard;
using CivicGrid.App.Exports;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises;

public static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization(Policies.SeesEnterprises);
        api.MapGet("/", async ([AsParameters] EnterpriseFilter f, SearchEnterprisesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        api.MapGet("/export", ([AsParameters] EnterpriseFilter f, string? format, ExportListsHandler h, HttpContext http, CancellationToken ct) =>
            ExportDownload.WriteAsync(http, "enterprises", format, (stream, fmt) => h.EnterprisesAsync(stream, fmt, f.ToQuery(), ct))).ProducesExport();
        api.MapGet("/dashboard", async (GetBusinessCommunityDashboardHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new GetBusinessCommunityDashboard(), ct)));
        api.MapGet("/{id:int}", async (int id, SearchEnterprisesHandler h, CancellationToken ct) => (await h.GetAsync(id, ct)).OrNotFound());
        return api;
    }
}

public sealed record EnterpriseFilter
{
    public string? Q { get; init; }
    public string? Under { get; init; }
    public string? Industry { get; init; }
    public bool? KeyTaxSource { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public SearchEnterprises ToQuery() => new(Q, Under, Industry, KeyTaxSource, Sort ?? "name", Page ?? 1, PageSize ?? 20);
}
