using System.Globalization;

namespace CivicGrid.App.Imports;

/// <summary>One data row of an import file, read cell by cell; every problem is recorded with its row and column.</summary>
public sealed class ImportRow(int number, string?[] cells, IReadOnlyDictionary<string, int> columnIndex, List<ImportError> errors)
{
    /// <summary>Longer cells are refused: no field of the model holds more, and huge cells are a way to exhaust memory.</summary>
    public const int MaxCellLength = 500;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    public int Number => number;
    public bool HasErrors { get; private set; }

    public void Error(ImportColumn column, string reason)
    {
        errors.Add(new ImportError(number, column.Header, reason));
        HasErrors = true;
    }

    public string? Text(ImportColumn column, int maxLength = 100)
    {
        var value = columnIndex.TryGetValue(column.Key, out var i) && i < cells.Length ? cells[i]?.Trim() : null;
        if (string.IsNullOrEmpty(value))
        {
            if (column.Required)
            {
                Error(column, "必填项为空");
            }
            return null;
        }
        if (value.Length > Math.Min(maxLength, MaxCellLength))
        {
            Error(column, $"内容过长（{value.Length}字，最多{maxLength}字）");
            return null;
        }
        if (value.Any(char.IsControl))
        {
            Error(column, "含有不可见的控制字符");
            return null;
        }
        return value;
    }

    /// <summary>Text that will be shown as-is; refuses leading = + - @, which spreadsheets run as formulas.</summary>
    public string? PlainText(ImportColumn column, int maxLength = 100)
    {
        var value = Text(column, maxLength);
        if (value is not null && value[0] is '=' or '+' or '-' or '@')
        {
            Error(column, "不能以 = + - @ 开头（疑似公式）");
            return null;
        }
        return value;
    }

    /// <summary>
    /// Plain text a person typed (a name, an address, a room), masked as the write rules will store it, so a row
    /// compares equal to what an earlier import of it stored.
    /// </summary>
    public string? FreeText(ImportColumn column, int maxLength = 100) =>
        PlainText(column, maxLength) is { } value ? Data.Writes.RowWrites.MaskedText(value) : null;

    public int? Integer(ImportColumn column, int min, int max)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(column, $"应为{min}至{max}之间的整数");
            return null;
        }
        return value;
    }

    public double? Decimal(ImportColumn column, double min, double max)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(column, $"应为{min}至{max}之间的数字");
            return null;
        }
        return value;
    }

    public DateOnly? Date(ImportColumn column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text.Split(' ')[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }
        Error(column, $"“{text}”不是有效日期，应写成 年-月-日，如 2026-11-01（也可写 2026/11/01、20261101 或 2026年11月1日）");
        return null;
    }

    public bool? YesNo(ImportColumn column)
    {
        var text = Text(column);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "是" or "y" or "yes" or "true" or "1": return true;
            case "否" or "n" or "no" or "false" or "0": return false;
            default:
                Error(column, "应填“是”或“否”");
                return null;
        }
    }
}
