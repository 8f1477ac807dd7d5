namespace CivicGrid.Core.CashBenefits;

/// <summary>How often a cash benefit is paid (发放周期).</summary>
public enum BenefitPeriod
{
    /// <summary>按月: each month is one period, paid in its own month.</summary>
    Monthly,
    /// <summary>按季: the quarter's months are paid together in the quarter's last month.</summary>
    Quarterly,
    /// <summary>一次性: paid once, in the first month the person is entitled.</summary>
    OneOff,
}

/// <summary>When the first period falls (起发规则).</summary>
public enum BenefitStart
{
    /// <summary>次月起发: from the month after the qualifying date (an 80th birthday on 15 March pays from April).</summary>
    MonthAfterQualifying,
    /// <summary>当月起发: from the month of the qualifying date.</summary>
    QualifyingMonth,
}

/// <summary>Why a benefit is no longer owed (停发原因).</summary>
public enum StopReason
{
    Death = 1,
    MovedOut = 2,
    NoLongerEligible = 3,
}

public static class BenefitNames
{
    /// <summary>The period key of a one-off benefit: there is one period, so one payment, per person.</summary>
    public const int OneOffPeriod = 0;

    public static string ChineseName(this BenefitPeriod period) => period switch
    {
        BenefitPeriod.Monthly => "按月",
        BenefitPeriod.Quarterly => "按季",
        _ => "一次性",
    };

    public static string ChineseName(this BenefitStart start) => start switch
    {
        BenefitStart.MonthAfterQualifying => "次月起发",
        _ => "当月起发",
    };

    public static string ChineseName(this StopReason reason) => reason switch
    {
        StopReason.Death => "死亡",
        StopReason.MovedOut => "迁出",
        _ => "不再符合条件",
    };

    /// <summary>
    /// How a paid period reads, from the line's own key and months: "2026-12", "2026年第4季度", "一次性", so no schedule
    /// has to be looked up to say what a line paid.
    /// </summary>
    public static string DescribePeriod(int key, int fromMonth, int toMonth) =>
        key == OneOffPeriod ? "一次性"
        : fromMonth == toMonth ? new BenefitMonth(key).ToString()
        : $"{new BenefitMonth(key).Year}年第{((new BenefitMonth(key).Month - 1) / 3) + 1}季度";
}
