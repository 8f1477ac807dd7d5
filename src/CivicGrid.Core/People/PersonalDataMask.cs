namespace CivicGrid.Core.People;

/// <summary>How personal data is shown to whoever may not reveal it: the first and last four characters stay.</summary>
public static class PersonalDataMask
{
    public static string IdNumber(string value) =>
        value.Length < 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];

    public static string Phone(string value) =>
        value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
}
