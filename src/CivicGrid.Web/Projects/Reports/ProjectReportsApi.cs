using CivicGrid.App.Data;
using CivicGrid.App.Projects.Reports;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Projects.Reports;

/// <summary>The reports on demand, as JSON, .xlsx or PDF, and the five rates table.</summary>
public static class ProjectReportsApi
{
    public static RouteGroupBuilder MapProjectReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization(Policies.SeesProjects);
        api.MapGet("/reports/{kind}", async (string kind, string? period, int? group, string? format, GetProjectReportHandler h, HttpContext http, CancellationToken ct) =>
        {
            if (!Enum.TryParse<ReportKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
            {
                return new NotFoundProblem();
            }
            var report = await h.HandleAsync(new GetProjectReport(k, period, group), ct);
            if (report.Value is not { } document || format is null or "json")
            {
                return report.ToHttp();
            }
            var name = $"project-{k.ToString().ToLowerInvariant()}-{document.Period.Replace(" ", "", StringComparison.Ordinal)}";
            return await ReportDownload.WriteAsync(http, document, name, format, ct);
        }).ProducesReport();
        api.MapGet("/rates", async (string? by, string? day, GetProjectRatesHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetProjectRates(by, day), ct)).ToHttp());
        return api;
    }
}
