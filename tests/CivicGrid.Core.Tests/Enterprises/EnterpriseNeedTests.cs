using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

public class EnterpriseNeedTests
{
    private static readonly Money FiveMillion = Money.TenThousandYuan(500);

    [Theory]
    [InlineData("financing", null, 1, "“融资”需求须填写大于零的申请金额")]
    [InlineData("financing", 0L, 1, "“融资”需求须填写大于零的申请金额")]
    [InlineData("space", 100L, 1, "“场地”需求不填写金额")]
    [InlineData("space", null, 0, "所需数量应为 1 到 10000")]
    public void ABadRequestIsRefusedWithAReason(string category, long? yuan, int quantity, string reason)
    {
        var request = new NeedRequest(1, category, "需要帮助") { Amount = yuan is { } y ? Money.Yuan(y) : null, Quantity = quantity };
        var (need, refusal) = EnterpriseNeed.Raise(request, Categories[category], "企业联系人", Now);
        Assert.Null(need);
        Assert.Equal(reason, refusal?.Reason);
    }

    [Fact]
    public void AnUnknownOrRetiredCategoryIsRefused()
    {
        var retired = new NeedCategory { Code = "space", Name = "场地", Active = false };
        Assert.Equal("请选择有效的需求类别", EnterpriseNeed.Raise(new NeedRequest(1, "space", "x"), retired, "企业", Now).Refusal?.Reason);
        Assert.Equal("请选择有效的需求类别", EnterpriseNeed.Raise(new NeedRequest(1, "nope", "x"), null, "企业", Now).Refusal?.Reason);
    }

    [Fact]
    public void AFinancingNeedGoesFromTheLineToALoanAndARating()
    {
        var line = BankLine();
        var need = Raised("financing", FiveMillion);

        Assert.Null(need.Apply(new NeedCommand(NeedAction.Match, "商务社区专员"), With(line)));
        Assert.Equal(FiveMillion, line.CreditTaken);
        Assert.Null(need.Apply(new NeedCommand(NeedAction.RecordOutcome, "商务社区专员", "银行已放款")
        { Outcome = NeedOutcome.Met, Granted = Money.TenThousandYuan(400) }, With(line)));
        Assert.Null(need.Apply(new NeedCommand(NeedAction.Rate, "企业联系人") { Rating = NeedRating.Satisfied }, With()));

        Assert.Equal(NeedStatus.Rated, need.Status);
        Assert.Equal(Money.TenThousandYuan(400), line.CreditTaken);
        Assert.Equal(Money.TenThousandYuan(400), need.GrantedAmount);
        Assert.Equal([NeedAction.Raise, NeedAction.Match, NeedAction.RecordOutcome, NeedAction.Rate], need.Timeline.Select(e => e.Action));
        Assert.Equal("已满足：银行已放款", need.Timeline[2].Note);
    }

    [Fact]
    public void ALoanAboveTheLinesRemainderIsRefused()
    {
        var line = BankLine(wan: 800);
        var first = Raised("financing", FiveMillion);
        var second = Raised("financing", FiveMillion);
        Assert.Null(first.Apply(new NeedCommand(NeedAction.Match, "专员"), With(line)));

        var refusal = second.Apply(new NeedCommand(NeedAction.Match, "专员"), With(line));

        Assert.Equal("“小微企业信贷额度”剩余额度 3,000,000 元，不足 5,000,000 元", refusal);
        Assert.Equal(NeedStatus.Raised, second.Status);
        Assert.Equal(FiveMillion, line.CreditTaken);
    }

    [Fact]
    public void AGrantAboveWhatTheLineCanGiveIsRefused()
    {
        var line = BankLine(wan: 600);
        var need = Raised("financing", FiveMillion);
        need.Apply(new NeedCommand(NeedAction.Match, "专员"), With(line));

        var refusal = need.Apply(new NeedCommand(NeedAction.RecordOutcome, "专员", "放款")
        { Outcome = NeedOutcome.Met, Granted = Money.TenThousandYuan(700) }, With(line));

        Assert.Equal("放款金额 7,000,000 元 超过“小微企业信贷额度”可用的额度 6,000,000 元", refusal);
        Assert.Equal(NeedStatus.Matched, need.Status);
    }

    [Fact]
    public void AMatchOverAnOffersRemainingPlacesIsRefused()
    {
        var room = Space(places: 2);
        var refusal = Raised("space", quantity: 3).Apply(new NeedCommand(NeedAction.Match, "专员"), With(room));
        Assert.Equal("“共享会议室”剩余名额 2 个，不足本需求所需的 3 个", refusal);
        Assert.Equal(0, room.PlacesTaken);
    }

    [Fact]
    public void AnOfferForSmallFirmsRefusesALargeOne()
    {
        var refusal = Raised("financing", FiveMillion).Apply(new NeedCommand(NeedAction.Match, "专员"), With(BankLine(), Firm(employees: 400)));
        Assert.Equal("该资源面向 100 人及以下的企业，本企业 400 人", refusal);
    }

    [Fact]
    public void AnOfferOfAnotherCategoryIsRefused() =>
        Assert.Equal("“共享会议室”不提供这一类别的服务", Raised("hiring").Apply(new NeedCommand(NeedAction.Match, "专员"), With(Space())));

    [Fact]
    public void RatingBeforeAnOutcomeIsRefused()
    {
        var need = Raised("policy");
        Assert.Equal("登记办理结果后才能评价", need.Apply(new NeedCommand(NeedAction.Rate, "企业") { Rating = NeedRating.Satisfied }, With()));
        Assert.Equal(NeedStatus.Raised, need.Status);
        Assert.Single(need.Timeline);
    }

    [Fact]
    public void ReleasingAndWithdrawingGiveThePlacesBack()
    {
        var room = Space(places: 2);
        var first = Raised("space");
        var second = Raised("space");
        first.Apply(new NeedCommand(NeedAction.Match, "专员"), With(room));
        second.Apply(new NeedCommand(NeedAction.Match, "专员"), With(room));
        Assert.Equal(0, room.PlacesLeft);

        Assert.Equal("取消对接须说明原因", first.Apply(new NeedCommand(NeedAction.Release, "专员"), With(room)));
        Assert.Null(first.Apply(new NeedCommand(NeedAction.Release, "专员", "企业另有安排"), With(room)));
        Assert.Null(second.Apply(new NeedCommand(NeedAction.Withdraw, "企业"), With(room)));

        Assert.Equal(2, room.PlacesLeft);
        Assert.Equal((NeedStatus.Raised, NeedStatus.Withdrawn), (first.Status, second.Status));
    }

    [Fact]
    public void AnOutcomeThatMetNothingGivesThePlaceBack()
    {
        var room = Space(places: 1);
        var need = Raised("space");
        need.Apply(new NeedCommand(NeedAction.Match, "专员"), With(room));
        Assert.Null(need.Apply(new NeedCommand(NeedAction.RecordOutcome, "专员", "企业未使用") { Outcome = NeedOutcome.NotMet }, With(room)));
        Assert.Equal(1, room.PlacesLeft);
    }

    [Fact]
    public void AnEscalationNeedsTheCaseAndAReasonAndTheLoopsResultComesBack()
    {
        var need = Raised("licences");
        Assert.Equal("转办须关联生成的诉求件", need.Apply(new NeedCommand(NeedAction.Escalate, "专员", "无可对接资源"), With()));
        Assert.Equal("转办须说明无法对接的原因", need.Apply(new NeedCommand(NeedAction.Escalate, "专员") { CaseId = 7 }, With()));
        Assert.Null(need.Apply(new NeedCommand(NeedAction.Escalate, "专员", "无可对接资源") { CaseId = 7 }, With()));
        Assert.Equal("当前状态“已转办”不能执行“撤回需求”", need.Apply(new NeedCommand(NeedAction.Withdraw, "企业"), With()));
        Assert.Null(need.Apply(new NeedCommand(NeedAction.RecordOutcome, "系统", "市场监管局已办结") { Outcome = NeedOutcome.Met }, With()));
        Assert.Equal((NeedStatus.Resolved, 7), (need.Status, need.CaseId));
    }

    [Fact]
    public void AnOffersCapacityCannotShrinkBelowWhatIsTaken()
    {
        var room = Space(places: 3);
        Raised("space", quantity: 2).Apply(new NeedCommand(NeedAction.Match, "专员"), With(room));
        Assert.Equal("名额不能少于已占用的 2 个", room.Resize(1, null)?.Reason);
        Assert.Null(room.Resize(5, null));
        Assert.Equal(3, room.PlacesLeft);
    }

    [Fact]
    public void MoneyIsShownInYuan()
    {
        Assert.Equal("300,000,000 元", Money.TenThousandYuan(30_000).ToString());
        Assert.Equal("1,234.50 元", new Money(123_450).ToString());
    }
}
