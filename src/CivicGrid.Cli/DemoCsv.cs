using System.Text;
using CivicGrid.App.Imports;

namespace CivicGrid.Cli;

internal static class DemoCsv
{
    /// <summary>UTF-8 with a byte order mark, so Excel opens the demo files with their Chinese intact.</summary>
    public static async Task WriteAsync(string path, TabularData table, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        TabularFile.WriteCsv(table, writer);
        await writer.FlushAsync(ct);
    }
}
