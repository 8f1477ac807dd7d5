using System.Text;
using CivicGrid.App.Exports;

namespace CivicGrid.App.Imports;

/// <summary>
/// Reads a spreadsheet (.xlsx) or a CSV file as a header row and rows of text. CSV may be UTF-8 with or
/// without a byte order mark, UTF-16 with its byte order mark, or GB18030/GBK as Chinese Excel writes it; the
/// encoding is detected. A file that is none of these, or has a header and no data, is refused with a Chinese reason.
/// </summary>
public static class TabularFile
{
    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>
    /// Checks the whole file once (encoding, format, row count) without keeping its rows, and returns a reader that
    /// reads the rows again, one at a time, each time they are enumerated. A stream that cannot seek is first copied
    /// to a temporary file, deleted when the reader is disposed. Throws <see cref="ImportFileException"/> with a
    /// Chinese reason when the file cannot be read.
    /// </summary>
    /// <param name="maxRows">Data rows allowed; uploads pass a limit, the command line and benchmarks do not.</param>
    public static TabularReader Open(Stream stream, string fileName, int maxRows = int.MaxValue)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw new ImportFileException("只支持 .xlsx 和 .csv 文件");
        }
        var reader = TabularReader.Over(stream, extension == ".xlsx");
        try
        {
            reader.Check(maxRows);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole file into memory: for small files (tests, exports read back); imports use <see cref="Open"/>.</summary>
    public static TabularData Read(Stream stream, string fileName, int maxRows = int.MaxValue)
    {
        using var reader = Open(stream, fileName, maxRows);
        return new TabularData(reader.Headers, reader.ReadRows().ToList());
    }

    /// <summary>Writes a table as CSV, the form <see cref="Read"/> takes back; demo files and benchmarks use it.</summary>
    public static void WriteCsv(TabularData table, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', table.Headers.Select(ExportWriter.Quote)));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(',', row.Select(c => ExportWriter.Quote(c ?? ""))));
        }
    }
}

/// <summary>A header row and data rows that can be read, start to end, as often as needed.</summary>
public interface ITabularRows
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows after the header, read afresh on each call.</summary>
    IEnumerable<string?[]> ReadRows();
}

/// <summary>A table held in memory.</summary>
public sealed record TabularData(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows) : ITabularRows
{
    public IEnumerable<string?[]> ReadRows() => Rows;
}

/// <summary>A file that cannot be read at all; the message is for the user, in Chinese.</summary>
public sealed class ImportFileException(string message) : Exception(message);
