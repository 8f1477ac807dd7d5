using CivicGrid.Core.CashBenefits;

namespace CivicGrid.Core.Tests.CashBenefits;

public class PaymentListTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);

    private static PaymentList Draft() => new() { StreetCode = "330105001", Month = BenefitMonth.Of(2026, 12).Index, LineCount = 2, TotalFen = 30000 };

    [Fact]
    public void TheListGoesThroughBothApprovalsExportAndClose()
    {
        var list = Draft();
        Assert.Null(list.Apply(PaymentListAction.StreetApprove, "街道甲", Now));
        Assert.Null(list.Apply(PaymentListAction.DistrictApprove, "区乙", Now));
        Assert.Null(list.Apply(PaymentListAction.Export, "区乙", Now));
        Assert.Equal("还有 2 笔未回盘，不能关账", list.Apply(PaymentListAction.Close, "区乙", Now, pendingLines: 2));
        Assert.Null(list.Apply(PaymentListAction.Close, "区乙", Now));
        Assert.Equal((PaymentListStatus.Closed, "街道甲", "区乙", 4), (list.Status, list.StreetApprovedBy, list.DistrictApprovedBy, list.Version));
    }

    [Fact]
    public void TheSamePersonMayNotApproveTwice()
    {
        var list = Draft();
        list.Apply(PaymentListAction.StreetApprove, "街道甲", Now);

        Assert.Equal("街道审核人“街道甲”不能再做区级审批，两级审批须由不同的人完成", list.Apply(PaymentListAction.DistrictApprove, "街道甲", Now));
        Assert.Equal("名单当前为“街道已审核”，不能街道审核", list.Apply(PaymentListAction.StreetApprove, "街道丙", Now));
        Assert.Equal(PaymentListStatus.StreetApproved, list.Status);
    }

    [Fact]
    public void AClosedMonthRefusesEveryMove()
    {
        var list = Draft();
        list.Status = PaymentListStatus.Closed;
        Assert.All(Enum.GetValues<PaymentListAction>(), a =>
            Assert.Equal("2026-12 已对账关账，名单不能再改动；更正请在下月名单中进行", list.Apply(a, "区乙", Now, "理由")));
        Assert.False(list.MayRebuild);
    }

    [Fact]
    public void SendingBackClearsTheApprovalsAndNeedsAReason()
    {
        var list = Draft();
        list.Apply(PaymentListAction.StreetApprove, "街道甲", Now);
        Assert.Equal("退回须写明原因", list.Apply(PaymentListAction.SendBack, "区乙", Now));
        Assert.Null(list.Apply(PaymentListAction.SendBack, "区乙", Now, " 金额有误 "));
        Assert.Equal((PaymentListStatus.Draft, null, "金额有误"), (list.Status, list.StreetApprovedBy, list.SentBackReason));
        Assert.True(list.MayRebuild);
    }

    [Fact]
    public void AnEmptyListIsNotApproved()
    {
        var list = Draft();
        list.LineCount = 0;
        Assert.Equal("名单没有发放对象，无需审核", list.Apply(PaymentListAction.StreetApprove, "街道甲", Now));
    }
}
