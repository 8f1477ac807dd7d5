using CivicGrid.App.Exports;

namespace CivicGrid.Web.Hosting;

/// <summary>Streams an export as a download: content type and file name from the format (xlsx unless csv is asked for).</summary>
internal static class ExportDownload
{
    public static async Task WriteAsync(HttpContext http, string name, string? format, Func<Stream, ExportFormat, Task> write)
    {
        var fmt = ExportWriter.ParseFormat(format);
        http.Response.ContentType = ExportWriter.ContentType(fmt);
        http.Response.Headers.ContentDisposition = $"attachment; filename={name}{ExportWriter.Extension(fmt)}";
        await write(http.Response.Body, fmt);
    }

    /// <summary>Names the download in the OpenAPI document: a spreadsheet or a CSV file, written as it is read.</summary>
    public static RouteHandlerBuilder ProducesExport(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<byte[]>(StatusCodes.Status200OK, ExportWriter.ContentType(ExportFormat.Xlsx), ExportWriter.ContentType(ExportFormat.Csv));

    /// <summary>Names a map's body in the OpenAPI document: a GeoJSON feature collection.</summary>
    public static RouteHandlerBuilder ProducesGeoJson(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/geo+json");
}
