using System.Globalization;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Numbers, dates and choices typed into page forms arrive as text and are read here, so a value that is not one is
/// told to the user next to its field — a Chinese reason under the field's name in <c>errors</c> — instead of being
/// dropped by form binding and the rest saved without it. Empty text is no value, not an error.
/// </summary>
internal static class FormValues
{
    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>; a number outside is told the range, not that it is no number.</summary>
    public static int? Integer(string? text, string field, string label, Dictionary<string, string[]> errors, int min = int.MinValue, int max = int.MaxValue) =>
        Read(text, field, Digits(text) && (min, max) != (int.MinValue, int.MaxValue) ? $"{label}应为 {min} 到 {max} 之间的整数" : $"{label}应为整数", errors,
            (string t, out int v) => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v) && v >= min && v <= max);

    private static bool Digits(string? text) =>
        text?.Trim().TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);

    public static double? Decimal(string? text, string field, string label, Dictionary<string, string[]> errors) =>
        Read(text, field, $"{label}应为数字", errors,
            (string t, out double v) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v));

    public static DateOnly? Date(string? text, string field, string label, Dictionary<string, string[]> errors) =>
        Read(text, field, $"{label}应为日期（yyyy-MM-dd）", errors,
            (string t, out DateOnly v) => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    /// <summary>A choice posted by name (a select's option value); a number or an unknown name is refused.</summary>
    public static TEnum? Choice<TEnum>(string? text, string field, string label, Dictionary<string, string[]> errors) where TEnum : struct, Enum =>
        Read(text, field, $"{label}无效，请从列表中选择", errors,
            (string t, out TEnum v) => Enum.TryParse(t, ignoreCase: true, out v) && !t.All(char.IsAsciiDigit) && Enum.IsDefined(v));

    private delegate bool Parse<T>(string text, out T value);

    private static T? Read<T>(string? text, string field, string problem, Dictionary<string, string[]> errors, Parse<T> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (parse(text.Trim(), out var value))
        {
            return value;
        }
        errors[field] = [problem];
        return null;
    }
}
