using CivicGrid.App.Exports;
using MiniExcelLibs;

namespace CivicGrid.App.Reports;

/// <summary>A report as an .xlsx workbook: a cover sheet, then one sheet per section with a table.</summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Stream output, ReportDocument report, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            ["报告"] = new[] { new Dictionary<string, object> { ["报告"] = report.Title, ["期间"] = report.Period, ["范围"] = report.Subtitle.Text } },
        };
        foreach (var section in report.Sections.Where(s => s.Table is not null))
        {
            sheets[UniqueName(SheetName(section.Heading), sheets)] = Lines(section.Table!).ToList();
        }
        // The zip needs a stream that seeks; responses do not.
        using var buffer = new MemoryStream();
        await Task.Run(() => buffer.SaveAs(sheets), ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static IEnumerable<Dictionary<string, object>> Lines(ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            yield return table.Columns.ToDictionary(c => c, _ => (object)"");
        }
        foreach (var row in table.Rows)
        {
            var line = new Dictionary<string, object>(table.Columns.Count);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var cell = i < row.Count ? row[i] : null;
                line[table.Columns[i]] = cell is int or long or double or decimal ? cell : ExportWriter.Neutralise(ReportTable.Text(cell));
            }
            yield return line;
        }
    }

    /// <summary>Excel refuses sheet names over 31 characters or with any of []:*?/\.</summary>
    private static string SheetName(string heading)
    {
        var name = new string(heading.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return name.Length > 28 ? name[..28] : name;
    }

    private static string UniqueName(string name, Dictionary<string, object> sheets)
    {
        var unique = name;
        for (var i = 2; sheets.ContainsKey(unique); i++)
        {
            unique = $"{name}{i}";
        }
        return unique;
    }
}
