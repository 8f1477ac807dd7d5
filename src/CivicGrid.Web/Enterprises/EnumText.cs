namespace CivicGrid.Web.Enterprises;

/// <summary>An enum value as a form, body or query string names it (any case); null for a missing or undefined one.</summary>
internal static class EnumText
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
