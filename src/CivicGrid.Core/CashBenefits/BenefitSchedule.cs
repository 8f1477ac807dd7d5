namespace CivicGrid.Core.CashBenefits;

/// <summary>One tier of a benefit (档次): those its rule selects are paid its amount per month (per payment when one-off).</summary>
public sealed record BenefitTier(string Rule, Fen Amount);

/// <summary>
/// One version of a cash service's benefit (待遇标准): the tiers, how often it is paid, when it starts, how far back a
/// late-found entitlement is paid (补发月数) and whether moving out stops it. Death and no longer meeting the service's
/// rule or any tier always stop it. Versions are kept like rule versions; the published one builds the lists.
/// </summary>
public sealed record BenefitSchedule(
    int Version, IReadOnlyList<BenefitTier> Tiers, BenefitPeriod Period, BenefitStart Start,
    BenefitMonth EffectiveFrom, int ArrearsMonths, bool StopsOnMoveOut)
{
    public const int MaxArrearsMonths = 36;
    public const int MaxTiers = 12;

    /// <summary>
    /// The day a month's entitlement is judged on. Judged on the eve of the month, someone who reaches 80 on 15 March
    /// is first owed April; judged on its last day, March itself.
    /// </summary>
    public DateOnly EvaluationDate(BenefitMonth month) =>
        Start == BenefitStart.MonthAfterQualifying ? month.FirstDay.AddDays(-1) : month.LastDay;

    /// <summary>The key of the period <paramref name="month"/> belongs to.</summary>
    public int PeriodOf(BenefitMonth month) => Period switch
    {
        BenefitPeriod.Monthly => month.Index,
        BenefitPeriod.Quarterly => month.QuarterStart.Index,
        _ => BenefitNames.OneOffPeriod,
    };
}
