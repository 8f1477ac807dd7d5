using System.Globalization;

namespace CivicGrid.Core.Enterprises;

/// <summary>
/// An amount of money in yuan (金额), kept as a whole number of fen. Whole fen are exact and are an integer column on
/// both engines, summed and compared in SQL alike (SQLite has no decimal type; EF Core keeps a decimal there as
/// text), and a 300-million-yuan line is 3·10¹⁰ fen, far inside a long.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public const long FenPerYuan = 100;

    public static readonly Money Zero = new(0);

    public static Money Yuan(long yuan) => new(checked(yuan * FenPerYuan));

    /// <summary>Ten thousand yuan (万元), the unit loans and credit lines are spoken of in.</summary>
    public static Money TenThousandYuan(long wan) => Yuan(checked(wan * 10_000));

    public decimal InYuan => Fen / (decimal)FenPerYuan;

    /// <summary>The amount in 万元, as forms take and show it.</summary>
    public decimal InTenThousandYuan => InYuan / 10_000m;

    /// <summary>An amount typed in 万元 (up to four decimals, i.e. whole yuan); null when nothing was typed.</summary>
    public static bool TryFromTenThousandYuan(decimal? wan, out Money? money, out string reason)
    {
        money = null;
        reason = "";
        if (wan is not { } value)
        {
            return true;
        }
        if (value <= 0 || value > 10_000_000m || decimal.Round(value, 4) != value)
        {
            reason = "金额应为大于 0 的万元数，最多四位小数";
            return false;
        }
        money = Yuan((long)(value * 10_000m));
        return true;
    }

    public bool IsPositive => Fen > 0;

    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>"5,000,000 元", or "1,234.50 元" when there are fen.</summary>
    public override string ToString() =>
        (Fen % FenPerYuan == 0 ? InYuan.ToString("#,0", CultureInfo.InvariantCulture) : InYuan.ToString("#,0.00", CultureInfo.InvariantCulture)) + " 元";
}
