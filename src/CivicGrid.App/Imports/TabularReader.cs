using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CivicGrid.App.Imports;

/// <summary>
/// A CSV or .xlsx file read row by row from a seekable stream: memory stays that of one row (and the reader's
/// buffers) whatever the file's size. <see cref="TabularFile.Open"/> makes one and checks the file first.
/// </summary>
public abstract class TabularReader : ITabularRows, IDisposable
{
    private readonly Stream _stream;
    private readonly string? _spooled;

    private protected TabularReader(Stream stream, string? spooled) => (_stream, _spooled) = (stream, spooled);

    public IReadOnlyList<string> Headers { get; private protected set; } = [];

    /// <summary>Data rows counted when the file was checked, blank ones included.</summary>
    public int RowCount { get; private set; }

    internal static TabularReader Over(Stream stream, bool xlsx)
    {
        string? spooled = null;
        if (!stream.CanSeek)
        {
            // Reading twice (check, then rows) needs a stream that seeks; the copy goes to disk, not memory.
            spooled = Path.GetTempFileName();
            using (var copy = File.Create(spooled))
            {
                stream.CopyTo(copy);
            }
            stream = new FileStream(spooled, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose);
        }
        return xlsx ? new XlsxReader(stream, spooled) : new CsvReader(stream, spooled);
    }

    internal void Check(int maxRows)
    {
        var (rows, nonBlank) = (0, 0);
        foreach (var row in Rows(forCheck: true))
        {
            rows++;
            if (!row.All(string.IsNullOrWhiteSpace))
            {
                nonBlank++;
            }
        }
        if (Headers.Count == 0 || (nonBlank == 0 && Headers.All(string.IsNullOrWhiteSpace)))
        {
            throw new ImportFileException("文件为空：第1行应为列名");
        }
        if (nonBlank == 0)
        {
            throw new ImportFileException("文件只有表头，没有数据行（第2行起应为数据）");
        }
        if (rows > maxRows)
        {
            throw new ImportFileException($"文件有{rows}行数据，超过每次最多{maxRows}行，请拆分后分批导入");
        }
        RowCount = rows;
    }

    public IEnumerable<string?[]> ReadRows() => Rows(forCheck: false);

    private protected Stream Rewound()
    {
        _stream.Position = 0;
        return _stream;
    }

    /// <summary>Every data row; sets <see cref="Headers"/> on the checking pass.</summary>
    private protected abstract IEnumerable<string?[]> Rows(bool forCheck);

    public void Dispose()
    {
        if (_spooled is not null)
        {
            _stream.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private sealed class XlsxReader(Stream stream, string? spooled) : TabularReader(stream, spooled)
    {
        private List<string> _columns = [];

        private protected override IEnumerable<string?[]> Rows(bool forCheck)
        {
            using var rows = Query().GetEnumerator();
            if (!Next(rows))
            {
                yield break;
            }
            if (forCheck)
            {
                _columns = rows.Current.Keys.ToList();
                var headers = _columns.Select(c => Cell(rows.Current[c])?.Trim() ?? "").ToList();
                while (headers.Count > 0 && headers[^1].Length == 0)
                {
                    headers.RemoveAt(headers.Count - 1);
                }
                Headers = headers;
            }
            while (Next(rows))
            {
                var row = rows.Current;
                yield return _columns.Select(c => row.TryGetValue(c, out var v) ? Cell(v) : null).ToArray();
            }
        }

        private IEnumerable<IDictionary<string, object?>> Query() =>
            Rewound().Query(useHeaderRow: false).Cast<IDictionary<string, object?>>();

        private static bool Next(IEnumerator<IDictionary<string, object?>> rows)
        {
            try
            {
                return rows.MoveNext();
            }
            // Whatever the reader throws on bytes it cannot make sense of (not a zip, a truncated zip, a zip that is not a
            // workbook), the answer is the same: the file is not a readable .xlsx.
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new ImportFileException("无法读取 Excel 文件：文件已损坏或不是 .xlsx 格式");
            }
        }
    }

    /// <summary>
    /// UTF-16 when the bytes start with its byte order mark; UTF-8 when they are valid UTF-8 (a BOM is dropped);
    /// otherwise GB18030, a superset of GBK. Bytes that are none of these are refused rather than read as replacement
    /// characters, which would be saved as garbled names.
    /// </summary>
    private sealed class CsvReader(Stream stream, string? spooled) : TabularReader(stream, spooled)
    {
        private Encoding _encoding = Encoding.UTF8;
        private int _skip;

        private protected override IEnumerable<string?[]> Rows(bool forCheck)
        {
            if (forCheck)
            {
                (_encoding, _skip) = Detect(Rewound());
            }
            var source = Rewound();
            if (source.Length <= _skip)
            {
                yield break;
            }
            source.Position = _skip;
            using var text = new StreamReader(source, _encoding, detectEncodingFromByteOrderMarks: false, 64 * 1024, leaveOpen: true);
            var options = new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 64 * 1024 * 1024 };
            using var csv = Guard(() => CsvDataReader.Create(text, options));
            if (forCheck)
            {
                Headers = csv.FieldCount == 0 ? [] : Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            }
            while (Guard(csv.Read))
            {
                var row = new string?[Math.Max(csv.RowFieldCount, Headers.Count)];
                for (var i = 0; i < csv.RowFieldCount; i++)
                {
                    row[i] = csv.GetString(i);
                }
                yield return row;
            }
        }

        private static T Guard<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (CsvFormatException ex)
            {
                throw new ImportFileException($"CSV 格式错误（第{ex.RowNumber}行）：引号未闭合或格式不正确");
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileException("文件编码无法识别：不是 UTF-8、UTF-16 或 GBK 编码，请另存为 UTF-8 编码的 CSV");
            }
        }

        /// <summary>The encoding and how many bytes of byte order mark to skip, found in one pass over the bytes.</summary>
        private static (Encoding Encoding, int Skip) Detect(Stream stream)
        {
            Span<byte> start = stackalloc byte[3];
            var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
            start = start[..read];
            if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return (new UnicodeEncoding(start[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true), 2);
            }
            var skip = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            stream.Position = skip;
            return (IsUtf8(stream) ? new UTF8Encoding(false, throwOnInvalidBytes: true)
                : Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), skip);
        }

        private static bool IsUtf8(Stream stream)
        {
            var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
            var buffer = new byte[64 * 1024];
            // Decoding (not just counting) carries a character split across two buffers over to the next.
            var chars = new char[buffer.Length + 4];
            var valid = true;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                var bytes = buffer.AsSpan(0, read);
                if (bytes.Contains((byte)0))
                {
                    throw new ImportFileException("文件含有空字节，不是文本格式的 CSV（UTF-16 文件须带字节顺序标记）：请另存为 UTF-8 编码的 CSV");
                }
                if (valid)
                {
                    try
                    {
                        decoder.GetChars(bytes, chars, flush: false);
                    }
                    catch (DecoderFallbackException)
                    {
                        valid = false;
                    }
                }
            }
            if (valid)
            {
                try
                {
                    decoder.GetChars([], chars, flush: true);
                }
                catch (DecoderFallbackException)
                {
                    valid = false;
                }
            }
            return valid;
        }
    }
}
