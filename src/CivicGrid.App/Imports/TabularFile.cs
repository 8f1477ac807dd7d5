using System.Text;
using CivicGrid.App.Exports;
using MiniExcelLibs;
using Sylvan.Data.Csv;

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

    /// <summary>Reads the whole file; throws <see cref="ImportFileException"/> with a Chinese reason when it cannot.</summary>
    /// <param name="maxRows">Data rows allowed; uploads pass a limit, the command line and benchmarks do not.</param>
    public static TabularData Read(Stream stream, string fileName, int maxRows = int.MaxValue)
    {
        var data = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            _ => throw new ImportFileException("只支持 .xlsx 和 .csv 文件"),
        };
        if (data.Headers.Count == 0)
        {
            throw new ImportFileException("文件为空：第1行应为列名");
        }
        if (data.Rows.All(r => r.All(string.IsNullOrWhiteSpace)))
        {
            throw new ImportFileException("文件只有表头，没有数据行（第2行起应为数据）");
        }
        if (data.Rows.Count > maxRows)
        {
            throw new ImportFileException($"文件有{data.Rows.Count}行数据，超过每次最多{maxRows}行，请拆分后分批导入");
        }
        return data;
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

    private static TabularData ReadCsv(Stream stream)
    {
        var bytes = ReadAll(stream);
        var text = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TabularData([], []);
        }
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
        // Whatever the reader throws on bytes it cannot make sense of (not a zip, a truncated zip, a zip that is not a
        // workbook), the answer is the same: the file is not a readable .xlsx.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
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

    /// <summary>
    /// UTF-16 when the bytes start with its byte order mark; UTF-8 when they are valid UTF-8 (a BOM is dropped);
    /// otherwise GB18030, a superset of GBK. Bytes that are none of these are refused rather than read as replacement
    /// characters, which would be saved as garbled names.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = span[0] == 0xFE;
            return Strict(new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true), span[2..]);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        if (span.Contains((byte)0))
        {
            throw new ImportFileException("文件含有空字节，不是文本格式的 CSV（UTF-16 文件须带字节顺序标记）：请另存为 UTF-8 编码的 CSV");
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Strict((Encoding)Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), span);
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException("文件编码无法识别：不是 UTF-8、UTF-16 或 GBK 编码，请另存为 UTF-8 编码的 CSV");
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
