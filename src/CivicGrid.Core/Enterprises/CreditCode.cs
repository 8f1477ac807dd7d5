namespace CivicGrid.Core.Enterprises;

/// <summary>
/// A unified social credit code (统一社会信用代码) as GB 32100 defines it: registration authority,
/// organisation type, 6-digit division, 9-character organisation code (GB 11714, own check) and a MOD 31 check.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool TryNormalise(string? text, out string code, out string reason)
    {
        code = text?.Trim().ToUpperInvariant() ?? "";
        reason = Problem(code) ?? "";
        return reason.Length == 0;
    }

    public static bool IsValid(string? text) => TryNormalise(text, out _, out _);

    private static string? Problem(string code)
    {
        if (code.Length != 18)
        {
            return "统一社会信用代码应为18位";
        }
        if (code.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）";
        }
        if (!code[2..8].All(char.IsAsciiDigit))
        {
            return "统一社会信用代码第3至8位应为行政区划码";
        }
        if (OrganisationCheck(code.AsSpan(8, 8)) != code[16])
        {
            return "统一社会信用代码中的组织机构代码校验位错误";
        }
        return CheckCharacter(code.AsSpan(0, 17)) == code[17] ? null : "统一社会信用代码校验位错误";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>GB 11714's check over the 8-character organisation body; letters count from A = 10.</summary>
    public static char OrganisationCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganisationWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// <summary>Builds a valid code from a division and an 8-character body; used by the demo generator and tests.</summary>
    public static string Compose(char authority, char type, string division, string body)
    {
        var first17 = $"{authority}{type}{division}{body}{OrganisationCheck(body)}";
        return first17 + CheckCharacter(first17);
    }
}
