using System.Text;
using MiniExcelLibs;

namespace CivicGrid.App.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a list as CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx. Cells that a spreadsheet would run
/// as a formula (= + - @, tab, carriage return) are prefixed with an apostrophe. Both formats stream: rows are read,
/// written and forgotten one at a time, so a district's residents export in bounded memory.
/// </summary>
public static class ExportWriter
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>csv or xlsx, in any case; xlsx when absent or unknown.</summary>
    public static ExportFormat ParseFormat(string? text) =>
        string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    public static string Neutralise(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? "";

    public static async Task WriteAsync<T>(Stream output, ExportFormat format, IReadOnlyList<string> headers,
        IAsyncEnumerable<T> rows, Func<T, IEnumerable<object?>> cells, CancellationToken ct)
    {
        if (format == ExportFormat.Csv)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
            await writer.WriteLineAsync(string.Join(',', headers.Select(Quote)));
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteLineAsync(string.Join(',', cells(row).Select(c => Quote(Format(c)))));
            }
            return;
        }
        // The workbook is written to a temporary file as the rows arrive (the zip needs a stream that seeks), then copied
        // to the output: memory holds one row at a time, whatever the list's length.
        var path = Path.GetTempFileName();
        await using var workbook = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        var lines = Lines(rows.ToBlockingEnumerable(ct), headers, cells);
        await Task.Run(() => workbook.SaveAs(lines), ct);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, ct);
    }

    private static IEnumerable<Dictionary<string, object>> Lines<T>(IEnumerable<T> rows, IReadOnlyList<string> headers, Func<T, IEnumerable<object?>> cells)
    {
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            var values = cells(row).ToList();
            var line = new Dictionary<string, object>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                line[headers[i]] = values[i] is int or long or double or bool ? values[i]! : Format(values[i]);
            }
            yield return line;
        }
        if (!any)
        {
            yield return headers.ToDictionary(h => h, _ => (object)"");
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IEnumerable<string> list => Neutralise(string.Join("、", list)),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString()),
    };

    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
