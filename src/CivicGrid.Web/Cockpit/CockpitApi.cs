using CivicGrid.App.Cockpit;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cockpit;

/// <summary>The district cockpit's figures, its map's outlines and the monthly report, for those who see the indicators.</summary>
public static class CockpitApi
{
    public static RouteGroupBuilder MapCockpit(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cockpit").WithTags("Cockpit").RequireAuthorization(Policies.SeesIndicators);
        api.MapGet("", async (string? scope, GetCockpitHandler h, CancellationToken ct) => (await h.HandleAsync(new GetCockpit(scope), ct)).ToHttp());
        api.MapGet("/areas", async (string? scope, GetCockpitAreasHandler h, CancellationToken ct) => (await h.HandleAsync(new GetCockpitAreas(scope), ct)).ToGeoJson())
            .ProducesGeoJson();
        api.MapGet("/report", async (string? scope, string? month, string? format, GetDistrictReportHandler h, HttpContext http, CancellationToken ct) =>
        {
            var report = await h.HandleAsync(new GetDistrictReport(scope, month), ct);
            if (report.Value is not { } document || format is null or "json")
            {
                return report.ToHttp();
            }
            return await ReportDownload.WriteAsync(http, document, $"district-monthly-{document.Period}", format, ct);
        }).ProducesReport();
        return api;
    }
}
