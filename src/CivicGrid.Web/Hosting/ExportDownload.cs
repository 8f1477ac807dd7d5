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
}
