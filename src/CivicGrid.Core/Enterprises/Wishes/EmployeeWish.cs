namespace CivicGrid.Core.Enterprises.Wishes;

/// <summary>
/// One employee's wish (职工所盼) for their office building, given on a public form without an account: a theme and
/// optionally a few words. Nothing identifies the employee; wishes count per building.
/// </summary>
public sealed class EmployeeWish
{
    public const int MaxTextLength = 200;

    public long Id { get; set; }
    public int BuildingId { get; private set; }
    public string ThemeCode { get; private set; } = "";
    public string? Text { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>Checks the form and makes the wish, or returns why it is refused (in Chinese).</summary>
    public static (EmployeeWish? Wish, FieldRefusal? Refusal) Make(int buildingId, string themeCode, string? text, IEnumerable<WishTheme> themes, DateTime nowUtc)
    {
        if (!themes.Any(t => t.Active && t.Code == themeCode))
        {
            return (null, new("themeCode", "请选择心愿主题"));
        }
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed?.Length > MaxTextLength)
        {
            return (null, new("text", $"心愿内容不超过 {MaxTextLength} 字"));
        }
        return (new EmployeeWish { BuildingId = buildingId, ThemeCode = themeCode, Text = trimmed, At = nowUtc }, null);
    }
}
