using CivicGrid.Core.CashBenefits;
using static CivicGrid.Core.Tests.CashBenefits.CashWorld;

namespace CivicGrid.Core.Tests.CashBenefits;

public class CashBenefitTests
{
    private static readonly DateOnly Born = new(1946, 3, 15);
    private static readonly CompiledSchedule Monthly = Compile(Schedule(arrears: 3));

    [Theory]
    [InlineData("100", 10000)]
    [InlineData("100.5", 10050)]
    [InlineData("0.07", 7)]
    [InlineData("-3.20", -320)]
    public void FenReadsYuanExactly(string text, long fen)
    {
        Assert.True(Fen.TryParseYuan(text, out var amount, out _));
        Assert.Equal(fen, amount.Value);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("100.505")]
    [InlineData("一百")]
    [InlineData("")]
    public void FenRefusesWhatIsNotYuan(string text)
    {
        Assert.False(Fen.TryParseYuan(text, out _, out var reason));
        Assert.Contains("金额", reason);
    }

    [Fact]
    public void TurningEightyInMarchPaysFromApril()
    {
        var rates = Monthly.RatesOf(Person(Born));
        var march = EntitlementCalculator.Owed(Monthly.Schedule, BenefitMonth.Of(2026, 3), rates, PersonEnds.None, new HashSet<int>());
        var april = EntitlementCalculator.Owed(Monthly.Schedule, BenefitMonth.Of(2026, 4), rates, PersonEnds.None, new HashSet<int>());

        Assert.Empty(march.Owed);
        Assert.Equal(StopReason.NoLongerEligible, march.Stopped);
        var line = Assert.Single(april.Owed);
        Assert.Equal((BenefitMonth.Of(2026, 4).Index, 10000L, false), (line.Period, line.Amount.Value, line.Arrears));
    }

    [Fact]
    public void ALateFoundEntitlementPaysArrearsWithinTheWindowOnly()
    {
        var rates = Monthly.RatesOf(Person(Born));
        var owed = EntitlementCalculator.Owed(Monthly.Schedule, BenefitMonth.Of(2026, 9), rates, PersonEnds.None, new HashSet<int> { BenefitMonth.Of(2026, 7).Index });

        Assert.Equal(["2026-06", "2026-08", "2026-09"], owed.Owed.Select(p => p.From.ToString()));
        Assert.Equal([true, true, false], owed.Owed.Select(p => p.Arrears));
        Assert.Equal(30000, owed.Total.Value);
    }

    [Fact]
    public void TheTierFollowsTheNinetiethBirthday()
    {
        var rates = Monthly.RatesOf(Person(Born.AddYears(-10)));
        Assert.Equal(Fen.Yuan(100), rates(BenefitMonth.Of(2026, 3)));
        Assert.Equal(Fen.Yuan(200), rates(BenefitMonth.Of(2026, 4)));
    }

    [Fact]
    public void DeathPaysItsMonthAndStopsAfterIt()
    {
        var rates = Monthly.RatesOf(Person(Born));
        var ends = new PersonEnds(new DateOnly(2026, 7, 20), null);
        var july = EntitlementCalculator.Owed(Monthly.Schedule, BenefitMonth.Of(2026, 7), rates, ends, new HashSet<int>());
        var august = EntitlementCalculator.Owed(Monthly.Schedule, BenefitMonth.Of(2026, 8), rates, ends, new HashSet<int> { BenefitMonth.Of(2026, 7).Index });

        Assert.Contains(july.Owed, p => p.From == BenefitMonth.Of(2026, 7));
        Assert.DoesNotContain(august.Owed, p => p.From >= BenefitMonth.Of(2026, 8));
        Assert.Equal(StopReason.Death, august.Stopped);
        Assert.True(EntitlementCalculator.IsOverpaid(BenefitMonth.Of(2026, 8), ends.DiedOn));
        Assert.False(EntitlementCalculator.IsOverpaid(BenefitMonth.Of(2026, 7), ends.DiedOn));
    }

    [Fact]
    public void MovingOutStopsOnlyWhenTheScheduleSaysSo()
    {
        var keeps = Compile(Schedule(stopsOnMoveOut: false));
        var ends = new PersonEnds(null, new DateOnly(2026, 5, 2));
        var month = BenefitMonth.Of(2026, 8);

        Assert.Equal(StopReason.MovedOut, EntitlementCalculator.StopOf(month, Monthly.Schedule, Monthly.RatesOf(Person(Born)), ends));
        Assert.Null(EntitlementCalculator.StopOf(month, keeps.Schedule, keeps.RatesOf(Person(Born)), ends));
    }

    [Fact]
    public void AQuarterIsPaidInItsLastMonthForItsOwedMonths()
    {
        var quarterly = Compile(Schedule(BenefitPeriod.Quarterly));
        var rates = quarterly.RatesOf(Person(Born));
        Assert.DoesNotContain(EntitlementCalculator.Owed(quarterly.Schedule, BenefitMonth.Of(2026, 5), rates, PersonEnds.None, new HashSet<int>())
            .Owed, p => p.From == BenefitMonth.Of(2026, 4));
        var june = EntitlementCalculator.Owed(quarterly.Schedule, BenefitMonth.Of(2026, 6), rates, PersonEnds.None, new HashSet<int>());
        Assert.Equal(30000, Assert.Single(june.Owed).Amount.Value);
    }

    [Fact]
    public void AOneOffIsPaidOnce()
    {
        var once = Compile(Schedule(BenefitPeriod.OneOff));
        var rates = once.RatesOf(Person(Born));
        var first = EntitlementCalculator.Owed(once.Schedule, BenefitMonth.Of(2026, 6), rates, PersonEnds.None, new HashSet<int>());
        var again = EntitlementCalculator.Owed(once.Schedule, BenefitMonth.Of(2026, 7), rates, PersonEnds.None, new HashSet<int> { BenefitNames.OneOffPeriod });

        Assert.Equal("2026-04", Assert.Single(first.Owed).From.ToString());
        Assert.Empty(again.Owed);
    }

    [Fact]
    public void OverlappingTiersAreRefusedNamingWhoFallsInBoth()
    {
        var schedule = Schedule() with { Tiers = [new("age >= 80 and age <= 90", Fen.Yuan(100)), new("age >= 90", Fen.Yuan(200))] };
        var error = Assert.Single(ScheduleCheck.Check(schedule, TagIds, Today));
        Assert.Equal("第 1 档与第 2 档重叠：90 周岁女性户籍居民同时符合两档，每人只能属于一档", error.Replace("男性", "女性", StringComparison.Ordinal));
    }

    [Fact]
    public void TiersByTagOverlapOnlyWhenOneCanCarryBoth()
    {
        var apart = Schedule() with { Tiers = [new("has_tag('残疾') and not has_tag('一级')", Fen.Yuan(100)), new("has_tag('一级')", Fen.Yuan(300))] };
        var clash = Schedule() with { Tiers = [new("has_tag('残疾')", Fen.Yuan(100)), new("has_tag('一级')", Fen.Yuan(300))] };

        Assert.Empty(ScheduleCheck.Check(apart, TagIds, Today));
        Assert.Contains("带“残疾”、“一级”标签", Assert.Single(ScheduleCheck.Check(clash, TagIds, Today)));
    }

    [Fact]
    public void TheIssuesTiersPass() => Assert.Empty(ScheduleCheck.Check(Schedule(), TagIds, Today));

    [Fact]
    public void NegativeAndZeroAmountsAndBadRulesAreRefusedTierByTier()
    {
        var schedule = Schedule() with { Tiers = [new("age >= 80", new Fen(-100)), new("age >= 200x", Fen.Yuan(1)), new("age >= 100", Fen.Zero)], ArrearsMonths = 99 };
        var errors = ScheduleCheck.Check(schedule, TagIds, Today);

        Assert.Contains("第 1 档金额不能为负数（-1.00 元）", errors);
        Assert.Contains(errors, e => e.StartsWith("第 2 档规则：", StringComparison.Ordinal));
        Assert.Contains("第 3 档金额应大于 0", errors);
        Assert.Contains("补发月数应在 0 到 36 之间", errors);
    }
}
