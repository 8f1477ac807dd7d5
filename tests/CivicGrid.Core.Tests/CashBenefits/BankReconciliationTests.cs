using CivicGrid.Core.CashBenefits;

namespace CivicGrid.Core.Tests.CashBenefits;

public class BankReconciliationTests
{
    private static readonly BenefitMonth December = BenefitMonth.Of(2026, 12);

    private static PaymentLine Line() => new()
    {
        Id = 7, PaymentListId = 3, GridCode = "330105001001001", Period = December.Index, FromMonth = December.Index,
        ToMonth = December.Index, AmountFen = 10000,
    };

    [Fact]
    public void APaidRowPaysTheLine()
    {
        var (outcome, refusal) = BankReconciliation.Check(new(7, Fen.Yuan(100), true, null, null), Line(), 3, null, false);
        Assert.Null(refusal);
        Assert.Equal(new BankReturnOutcome(PaymentLineStatus.Paid, false, null), outcome);
    }

    [Fact]
    public void AFailureKeepsItsReason()
    {
        var (outcome, _) = BankReconciliation.Check(new(7, Fen.Yuan(100), false, " 账号不存在 ", null), Line(), 3, null, false);
        Assert.Equal(new BankReturnOutcome(PaymentLineStatus.Failed, false, "账号不存在"), outcome);
    }

    [Theory]
    [InlineData(8, 10000, true, null, 3, false, "流水号 8 不在本名单上")]
    [InlineData(7, 10000, true, null, 4, false, "流水号 7 不在本名单上")]
    [InlineData(7, 20000, true, null, 3, false, "流水号 7 回盘金额 200.00 元与名单金额 100.00 元不符")]
    [InlineData(7, 10000, false, "", 3, false, "流水号 7 发放失败，但没有写明失败原因")]
    [InlineData(7, 10000, true, null, 3, true, "流水号 7 在回盘文件中重复出现")]
    public void BadRowsAreRefusedWithTheirReason(int id, long fen, bool paid, string? reason, int listId, bool seen, string expected)
    {
        var line = id == 7 ? Line() : null;
        var (outcome, refusal) = BankReconciliation.Check(new(id, new Fen(fen), paid, reason, null), line, listId, null, seen);
        Assert.Null(outcome);
        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void ALineAlreadyReturnedIsNotReturnedAgain()
    {
        var line = Line();
        line.Status = PaymentLineStatus.Paid;
        Assert.Equal("流水号 7 已对账（已发放），不能再次回盘", BankReconciliation.Check(new(7, Fen.Yuan(100), true, null, null), line, 3, null, false).Refusal);
    }

    [Fact]
    public void PaidForAMonthAfterDeathIsAnOverpayment()
    {
        var (outcome, _) = BankReconciliation.Check(new(7, Fen.Yuan(100), true, null, null), Line(), 3, new DateOnly(2026, 11, 20), false);
        Assert.True(outcome!.Overpaid);
    }
}
