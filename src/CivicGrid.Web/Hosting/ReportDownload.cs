using CivicGrid.App.Reports;

namespace CivicGrid.Web.Hosting;

/// <summary>A report sent as a file: the PDF when asked and a Chinese font is installed, the workbook otherwise.</summary>
internal static class ReportDownload
{
    public static async Task<IResult> WriteAsync(HttpContext http, ReportDocument document, string name, string format, CancellationToken ct)
    {
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

    /// <summary>Names the download in the OpenAPI document: the report as JSON, a workbook or a PDF.</summary>
    public static RouteHandlerBuilder ProducesReport(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<ReportDocument>().Produces<byte[]>(StatusCodes.Status200OK, ReportWorkbook.ContentType, ReportPdf.ContentType);
}
