namespace CivicGrid.Core.CashBenefits;

/// <summary>One row of the bank's return file (回盘): the line's serial number, the amount, paid or not and why.</summary>
public sealed record BankReturnRow(int LineId, Fen Amount, bool Paid, string? Reason, DateOnly? PaidOn);

/// <summary>What a return row does to its line.</summary>
public sealed record BankReturnOutcome(PaymentLineStatus Status, bool Overpaid, string? Reason);

/// <summary>
/// The reconciliation rules (对账规则): a row must name a line of the list being reconciled, carry its exact amount and
/// come once; a failure must say why. A payment for a period that began after the person's death is an overpayment.
/// </summary>
public static class BankReconciliation
{
    /// <summary>The outcome for the line, or the Chinese reason the row is refused.</summary>
    public static (BankReturnOutcome? Outcome, string? Refusal) Check(BankReturnRow row, PaymentLine? line, int listId, DateOnly? diedOn, bool seenBefore)
    {
        if (line is null || line.PaymentListId != listId)
        {
            return (null, $"流水号 {row.LineId} 不在本名单上");
        }
        if (seenBefore)
        {
            return (null, $"流水号 {row.LineId} 在回盘文件中重复出现");
        }
        if (line.Status != PaymentLineStatus.Pending)
        {
            return (null, $"流水号 {row.LineId} 已对账（{(line.Status == PaymentLineStatus.Paid ? "已发放" : "发放失败")}），不能再次回盘");
        }
        if (row.Amount != line.Amount)
        {
            return (null, $"流水号 {row.LineId} 回盘金额 {row.Amount.Plain()} 元与名单金额 {line.Amount.Plain()} 元不符");
        }
        if (!row.Paid)
        {
            return string.IsNullOrWhiteSpace(row.Reason)
                ? (null, $"流水号 {row.LineId} 发放失败，但没有写明失败原因")
                : (new BankReturnOutcome(PaymentLineStatus.Failed, false, row.Reason.Trim()), null);
        }
        var overpaid = EntitlementCalculator.IsOverpaid(new BenefitMonth(line.FromMonth), diedOn);
        return (new BankReturnOutcome(PaymentLineStatus.Paid, overpaid, null), null);
    }

    /// <summary>Applies an accepted outcome to the line.</summary>
    public static void Apply(PaymentLine line, BankReturnOutcome outcome, DateOnly paidOn)
    {
        line.Status = outcome.Status;
        line.FailureReason = outcome.Reason;
        line.Overpaid = outcome.Overpaid;
        line.PaidOn = outcome.Status == PaymentLineStatus.Paid ? paidOn : null;
    }
}
