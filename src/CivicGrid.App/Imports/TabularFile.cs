using System.Text;
using CivicGrid.App.Exports;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CivicGrid.App.Imports;

/// <summary>
/// Reads a spreadsheet (.xlsx) or a CSV file as a header row and rows of text. CSV may be UTF-8 with or
/// without a byte order mark, or GB18030/GBK as Chinese Excel writes it; the encoding is detected.
/// </summary>
public static class TabularFile
{
    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Reads the whole file; throws <see cref="ImportFileException"/> with a Chinese reason when it cannot.</summary>
    public static TabularData Read(Stream stream, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            _ => throw new ImportFileException("只支持 .xlsx 和 .csv 文件"),
        };

    /// <summary>Writes a table as CSV, the form <see cref="Read"/> takes back; demo files and benchmarks use it.</summary>
    public static void WriteCsv(TabularData table, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', table.Headers.Select(ExportWriter.Quote)));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(',', row.Select(c => ExportWriter.Quote(c ?? ""))));
        }
    }

    private static TabularData ReadCsv(Stream stream)
    {
        var bytes = ReadAll(stream);
        var text = Decode(bytes);
        using var reader = new StringReader(text);
        var options = new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 64 * 1024 * 1024 };
        try
        {
            using var csv = CsvDataReader.Create(reader, options);
            var headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            var rows = new List<string?[]>();
            while (csv.Read())
            {
                var row = new string?[Math.Max(csv.RowFieldCount, headers.Count)];
                for (var i = 0; i < csv.RowFieldCount; i++)
                {
                    row[i] = csv.GetString(i);
                }
                rows.Add(row);
            }
            return new TabularData(headers, rows);
        }
        catch (CsvFormatException ex)
        {
            throw new ImportFileException($"CSV 格式错误（第{ex.RowNumber}行）：引号未闭合或格式不正确");
        }
    }

    private static TabularData ReadXlsx(Stream stream)
    {
        try
        {
            using var buffered = new MemoryStream(ReadAll(stream));
            var rows = buffered.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            if (rows.Count == 0)
            {
                return new TabularData([], []);
            }
            var columns = rows[0].Keys.ToList();
            var headers = columns.Select(c => Cell(rows[0][c])?.Trim() ?? "").ToList();
            var data = rows.Skip(1).Select(r => columns.Select(c => r.TryGetValue(c, out var v) ? Cell(v) : null).ToArray()).ToList();
            while (headers.Count > 0 && headers[^1].Length == 0)
            {
                headers.RemoveAt(headers.Count - 1);
            }
            return new TabularData(headers, data);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportFileException("无法读取 Excel 文件：文件已损坏或不是 .xlsx 格式");
        }
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030, a superset of GBK.</summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(span);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

public sealed record TabularData(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows);

/// <summary>A file that cannot be read at all; the message is for the user, in Chinese.</summary>
public sealed class ImportFileException(string message) : Exception(message);
