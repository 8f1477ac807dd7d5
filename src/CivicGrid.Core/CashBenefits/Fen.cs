using System.Globalization;

namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// An amount of a cash benefit (金额) in whole fen (分). Never a floating-point number: amounts are added, compared and
/// summed in SQL as integers on both engines, and a district's monthly total is far inside a long.
/// </summary>
public readonly record struct Fen(long Value) : IComparable<Fen>
{
    public const long PerYuan = 100;

    /// <summary>The most a form accepts for one period: a million yuan.</summary>
    public static readonly Fen Ceiling = new(100_000_000);

    public static readonly Fen Zero = new(0);

    public static Fen Yuan(long yuan) => new(checked(yuan * PerYuan));

    public static Fen operator +(Fen left, Fen right) => new(checked(left.Value + right.Value));
    public static Fen operator -(Fen left, Fen right) => new(checked(left.Value - right.Value));
    public static Fen operator *(Fen left, int times) => new(checked(left.Value * times));
    public static bool operator <(Fen left, Fen right) => left.Value < right.Value;
    public static bool operator >(Fen left, Fen right) => left.Value > right.Value;
    public static bool operator <=(Fen left, Fen right) => left.Value <= right.Value;
    public static bool operator >=(Fen left, Fen right) => left.Value >= right.Value;

    public int CompareTo(Fen other) => Value.CompareTo(other.Value);

    /// <summary>"1234.50": yuan with two decimals, no grouping, as bank files and forms write it.</summary>
    public string Plain()
    {
        var sign = Value < 0 ? "-" : "";
        var abs = Math.Abs(Value);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / PerYuan}.{abs % PerYuan:00}");
    }

    /// <summary>"1,234.50 元".</summary>
    public override string ToString() =>
        (Value / (decimal)PerYuan).ToString("#,0.00", CultureInfo.InvariantCulture) + " 元";

    /// <summary>Reads yuan as typed or as a bank writes them ("100", "100.5", "100.50"), exactly, without a float.</summary>
    public static bool TryParseYuan(string? text, out Fen amount, out string reason)
    {
        amount = Zero;
        reason = "";
        var t = text?.Trim() ?? "";
        var negative = t.StartsWith('-');
        var body = negative ? t[1..] : t;
        var parts = body.Split('.');
        if (t.Length == 0 || parts.Length > 2 || parts[0].Length is 0 or > 9 || !parts[0].All(char.IsAsciiDigit)
            || (parts.Length == 2 && (parts[1].Length is 0 or > 2 || !parts[1].All(char.IsAsciiDigit))))
        {
            reason = $"金额“{text}”无效，应为元，最多两位小数";
            return false;
        }
        var fen = long.Parse(parts[0], CultureInfo.InvariantCulture) * PerYuan
            + (parts.Length == 2 ? long.Parse(parts[1].PadRight(2, '0'), CultureInfo.InvariantCulture) : 0);
        amount = new Fen(negative ? -fen : fen);
        return true;
    }
}
