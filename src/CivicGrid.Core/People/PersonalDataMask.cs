namespace CivicGrid.Core.People;

/// <summary>How personal data is shown to whoever may not reveal it: the first and last four characters stay.</summary>
public static partial class PersonalDataMask
{
    /// <summary>
    /// Masks the ID numbers (18 or 15 digits) and mobile numbers (with or without +86, spaces or dashes) that people
    /// type into free text, for text shown to the public; other numbers (house numbers, dates) stay as written.
    /// </summary>
    public static string InText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var masked = IdNumberInText().Replace(text, m => IdNumber(m.Value));
        return PhoneInText().Replace(masked, m => Phone(new string(m.Groups["number"].Value.Where(char.IsAsciiDigit).ToArray())));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex IdNumberInText();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?:\+?86[- ]?)?(?<number>1[3-9][0-9](?:[- ]?[0-9]{4}){2})(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex PhoneInText();

    public static string IdNumber(string value) =>
        value.Length < 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];

    /// <summary>The first character of the mailbox and the domain stay: <c>w***@example.cn</c>.</summary>
    public static string Email(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? value[..1] + "***" + value[at..] : new string('*', value.Length);

    public static string Phone(string value) =>
        value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
}
