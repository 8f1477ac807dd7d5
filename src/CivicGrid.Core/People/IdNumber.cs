using System.Globalization;

namespace CivicGrid.Core.People;

/// <summary>
/// A citizen identity number (公民身份号码) as GB 11643 defines it: 6-digit address code,
/// 8-digit birth date, 3-digit sequence whose parity gives the gender, and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed record IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Gender Gender { get; }
    public string Last4 => Value[^4..];

    public static IdNumber Parse(string? text) =>
        TryParse(text, out var id, out var reason) ? id : throw new FormatException(reason);

    /// <summary>Parses an ID number; <paramref name="reason"/> says in Chinese what is wrong when it fails.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IdNumber? id, out string reason)
    {
        id = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18)
        {
            reason = "身份证号应为18位";
            return false;
        }
        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            reason = "身份证号只能由数字组成，末位可为X";
            return false;
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            reason = "身份证号中的出生日期无效";
            return false;
        }
        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            reason = "身份证号校验位错误";
            return false;
        }
        var gender = (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        id = new IdNumber(value, birth, gender);
        reason = "";
        return true;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid ID number; the demo generator and tests use it.</summary>
    public static string Compose(string addressCode, DateOnly birthDate, int sequence, Gender gender)
    {
        var seq = sequence % 1000;
        if ((seq % 2 == 1) != (gender == Gender.Male))
        {
            seq = seq == 999 ? 998 : seq + 1;
        }
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{seq:D3}");
        return first17 + CheckCharacter(first17);
    }

    public int AgeOn(DateOnly date) => People.Age.On(BirthDate, date);

    public override string ToString() => PersonalDataMask.IdNumber(Value);
}
