using System.Text;
using CivicGrid.App.Exports;
using CivicGrid.App.Imports;

namespace CivicGrid.Cli;

internal static class DemoCsv
{
    public static async Task WriteAsync(string path, TabularData table, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        await writer.WriteLineAsync(string.Join(',', table.Headers));
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(',', row.Select(c => ExportWriter.Quote(c ?? ""))));
        }
    }
}
