namespace CivicGrid.Core.CashBenefits;

/// <summary>Where one payment stands after the bank (发放状态).</summary>
public enum PaymentLineStatus
{
    /// <summary>待发放: on a list, not yet returned by the bank.</summary>
    Pending,
    /// <summary>已发放.</summary>
    Paid,
    /// <summary>发放失败: the period is owed again and comes back on the next list.</summary>
    Failed,
}

/// <summary>
/// One payment on a list (发放明细): one person, one period, one amount in fen. At most one line that has not failed per
/// service, person and period (a unique index), so a period is never paid twice.
/// </summary>
public sealed class PaymentLine
{
    public int Id { get; set; }
    public int PaymentListId { get; set; }
    public int ServiceItemId { get; set; }
    public int ResidentId { get; set; }
    /// <summary>The resident's grid, so lines are scoped like residents.</summary>
    public required string GridCode { get; set; }
    /// <summary>The period's key: a month index, a quarter's first month, or <see cref="BenefitNames.OneOffPeriod"/>.</summary>
    public int Period { get; set; }
    public int FromMonth { get; set; }
    public int ToMonth { get; set; }
    public long AmountFen { get; set; }
    public bool Arrears { get; set; }
    public PaymentLineStatus Status { get; set; }
    public string? FailureReason { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>Paid for a period the person did not live to begin: to be recovered (多发待追回).</summary>
    public bool Overpaid { get; set; }
    /// <summary>When a grid worker marked the failure's cause fixed (the retry is on a later list).</summary>
    public DateTime? FixedAt { get; set; }
    public string? FixedBy { get; set; }

    public Fen Amount => new(AmountFen);
}
