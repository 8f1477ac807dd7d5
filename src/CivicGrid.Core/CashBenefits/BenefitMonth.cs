using System.Globalization;

namespace CivicGrid.Core.CashBenefits;

/// <summary>A calendar month (发放月份) as one integer: months since January of year 1, so months sort and subtract.</summary>
public readonly record struct BenefitMonth(int Index) : IComparable<BenefitMonth>
{
    public static BenefitMonth Of(int year, int month) => new(((year - 1) * 12) + month - 1);

    public static BenefitMonth Of(DateOnly day) => Of(day.Year, day.Month);

    public int Year => (Index / 12) + 1;

    public int Month => (Index % 12) + 1;

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public BenefitMonth Next => new(Index + 1);

    public BenefitMonth Previous => new(Index - 1);

    public BenefitMonth Plus(int months) => new(Index + months);

    /// <summary>The first month of the quarter this month is in.</summary>
    public BenefitMonth QuarterStart => new(Index - (Index % 3));

    public bool EndsQuarter => Index % 3 == 2;

    public int CompareTo(BenefitMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(BenefitMonth left, BenefitMonth right) => left.Index < right.Index;
    public static bool operator >(BenefitMonth left, BenefitMonth right) => left.Index > right.Index;
    public static bool operator <=(BenefitMonth left, BenefitMonth right) => left.Index <= right.Index;
    public static bool operator >=(BenefitMonth left, BenefitMonth right) => left.Index >= right.Index;

    /// <summary>"2026-12".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    /// <summary>Reads "2026-12" (or "2026-1").</summary>
    public static bool TryParse(string? text, out BenefitMonth month)
    {
        month = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 9998
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
        {
            return false;
        }
        month = Of(y, m);
        return true;
    }
}
