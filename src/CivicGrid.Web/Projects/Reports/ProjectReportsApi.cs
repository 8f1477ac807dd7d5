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
            return await DownloadAsync(http, document, k, format, ct);
        }).Produces<ReportDocument>().Produces<byte[]>(StatusCodes.Status200OK, ReportWorkbook.ContentType, ReportPdf.ContentType);
        api.MapGet("/rates", async (string? by, string? day, GetProjectRatesHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetProjectRates(by, day), ct)).ToHttp());
        return api;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, ReportDocument document, ReportKind kind, string format, CancellationToken ct)
    {
        var name = $"project-{kind.ToString().ToLowerInvariant()}-{document.Period.Replace(" ", "", StringComparison.Ordinal)}";
        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            if (!ReportPdf.Available)
            {
                return OutcomeResults.Invalid("format", "服务器未安装中文字体，暂不能生成 PDF，请下载 Excel");
            }
            http.Response.ContentType = ReportPdf.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename={name}.pdf";
            // PDFsharp writes synchronously; the document is made in memory and sent whole.
            using var buffer = new MemoryStream();
            await Task.Run(() => ReportPdf.Write(buffer, document), ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, ct);
            return Results.Empty;
        }
        http.Response.ContentType = ReportWorkbook.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename={name}.xlsx";
        await ReportWorkbook.WriteAsync(http.Response.Body, document, ct);
        return Results.Empty;
    }
}
