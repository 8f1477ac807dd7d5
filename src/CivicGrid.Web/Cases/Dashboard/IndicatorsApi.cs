using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cases.Dashboard;

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Policies.SeesIndicators);
        api.MapGet("", async ([AsParameters] IndicatorFilter f, CaseIndicatorsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(f.ToQuery(), ct)).ToHttp());
        api.MapGet("/export", async ([AsParameters] IndicatorFilter f, string? format, CaseIndicatorsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var table = await h.TableAsync(f.ToQuery(), ct);
            if (table.Value is not { } rows)
            {
                return table.ToHttp();
            }
            await ExportDownload.WriteAsync(http, "indicators", format, (stream, fmt) => IndicatorSheet.WriteAsync(stream, fmt, rows, ct));
            return Results.Empty;
        }).ProducesExport().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/open-cases", async (string? scope, OpenCasePointsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new OpenCasePoints(scope), ct)).ToHttp());
        return api;
    }
}

/// <summary>The query string of the indicators, shared by the API, its export and the dashboard page.</summary>
public sealed record IndicatorFilter
{
    public string? Scope { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Item { get; init; }
    public string? Category { get; init; }
    public string? Department { get; init; }
    public string? Rank { get; init; }

    public CaseIndicators ToQuery() => new(Scope, From, To, Item, Category, Department, Rank);

    /// <summary>The same filter as a query string, for links to the export and the API.</summary>
    public string ToQueryString(string? format = null) => QueryString.Create(
        new Dictionary<string, string?>
        {
            ["scope"] = Scope, ["from"] = From, ["to"] = To, ["item"] = Item, ["category"] = Category, ["department"] = Department, ["rank"] = Rank, ["format"] = format,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    /// <summary>The same filter on another node, for drilling down from the ranking.</summary>
    public IndicatorFilter At(string scope) => this with { Scope = scope };
}
