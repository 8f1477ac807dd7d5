using System.Globalization;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Numbers, dates and choices typed into page forms arrive as text and are read here, so a value that is not one is
/// told to the user next to its field — a Chinese reason under the field's name in <c>errors</c> — instead of being
/// dropped by form binding and the rest saved without it. Empty text is no value, not an error.
/// </summary>
internal static class FormValues
{
    public static int? Integer(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = [$"{label}应为整数"];
        return null;
    }

    public static double? Decimal(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors[field] = [$"{label}应为数字"];
        return null;
    }

    public static DateOnly? Date(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }
        errors[field] = [$"{label}应为日期（yyyy-MM-dd）"];
        return null;
    }

    /// <summary>A choice posted by name (a select's option value); a number or an unknown name is refused.</summary>
    public static TEnum? Choice<TEnum>(string? text, string field, string label, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!text.Trim().All(char.IsAsciiDigit) && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }
        errors[field] = [$"{label}无效，请从列表中选择"];
        return null;
    }
}
