using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Matching;
using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Tests.Enterprises;

public class NeedMatchingTests
{
    private static readonly DateTime Morning = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly GeoPoint Here = new(30.3, 120.15);

    private static MatchNeed Need(int id, string category = "space", int employees = 30, string industry = "信息技术", Money? amount = null, int places = 1, int minutes = 0) =>
        new(id, category, category == "financing" ? "融资" : "场地", employees, industry, 10, 1, Here, places, amount, Morning.AddMinutes(minutes));

    private static MatchOffer Offer(int id, string category = "space", int? building = null, int? community = null, GeoPoint? at = null, int? places = null, Money? credit = null) =>
        new(id, [category], building, community, at, places, credit);

    [Fact]
    public void TheSameBuildingBeatsTheSameBusinessCommunityWhichBeatsDistance()
    {
        var offers = new[]
        {
            Offer(1, at: new GeoPoint(30.3054, 120.15)),
            Offer(2, community: 1, at: new GeoPoint(30.31, 120.16)),
            Offer(3, building: 10, community: 1, at: Here),
            Offer(4, "hiring", building: 10, community: 1, at: Here),
        };

        var ranked = NeedMatching.Rank(Need(1), offers);

        Assert.Equal([3, 2, 1], ranked.Select(s => s.OfferId));
        Assert.Equal(["category", "same-building", "room"], ranked[0].Reasons.Select(r => r.Code));
        Assert.Equal("same-business-community", ranked[1].Reasons[1].Code);
        Assert.Equal((MatchFactor.Distance, 12, "相距 600 米"), (ranked[2].Reasons[1].Factor, ranked[2].Reasons[1].Points, ranked[2].Reasons[1].Text));
        Assert.All(ranked, s => Assert.Equal(s.Reasons.Sum(r => r.Points), s.Score));
    }

    [Fact]
    public void NeedsCompetingForAFewPlacesGetNoMoreThanThereAreTheOldestFirst()
    {
        var batch = NeedMatching.Suggest([.. Enumerable.Range(1, 5).Select(i => Need(i, minutes: 10 - i))], [Offer(1, building: 10, places: 2)]);

        Assert.Equal([5, 4], batch.Suggestions.Select(s => s.NeedId));
        Assert.Equal([3, 2, 1], batch.Unmatched);
    }

    [Fact]
    public void ACreditLineIsSharedOutWithoutGoingOverItsRemainder()
    {
        var line = Offer(9, "financing", credit: Money.TenThousandYuan(800));
        var needs = new[]
        {
            Need(1, "financing", amount: Money.TenThousandYuan(500)),
            Need(2, "financing", amount: Money.TenThousandYuan(500), minutes: 1),
            Need(3, "financing", amount: Money.TenThousandYuan(300), minutes: 2),
        };

        var batch = NeedMatching.Suggest(needs, [line]);

        Assert.Equal([1, 3], batch.Suggestions.Select(s => s.NeedId));
        Assert.Equal(Money.TenThousandYuan(800), new Money(batch.Suggestions.Sum(s => s.Amount.Fen)));
        Assert.Equal("剩余额度 8,000,000 元，可满足申请的 5,000,000 元", batch.Suggestions[0].Reasons.Single(r => r.Factor == MatchFactor.Room).Text);
        Assert.Equal("全区通用，不限地点", batch.Suggestions[0].Reasons[1].Text);
    }

    [Fact]
    public void AnOfferAimedAtTheFirmsSizeAndIndustryIsPreferredAndOthersAreLeftOut()
    {
        var general = Offer(1, "financing", credit: Money.TenThousandYuan(10_000));
        var aimed = Offer(2, "financing", credit: Money.TenThousandYuan(10_000)) with { MaxEmployees = 100, Industries = ["信息技术"] };
        var tooSmall = Offer(3, "financing", credit: Money.TenThousandYuan(10_000)) with { MinEmployees = 500 };

        var ranked = NeedMatching.Rank(Need(1, "financing", amount: Money.TenThousandYuan(100)), [general, aimed, tooSmall]);

        Assert.Equal([2, 1], ranked.Select(s => s.OfferId));
        Assert.Contains(ranked[0].Reasons, r => r is { Factor: MatchFactor.Size, Text: "面向 100 人及以下的企业，本企业 30 人" });
        Assert.Contains(ranked[0].Reasons, r => r is { Factor: MatchFactor.Industry, Text: "面向信息技术行业" });
        Assert.Empty(NeedMatching.Rank(Need(2, "financing", industry: "餐饮", employees: 600, amount: Money.TenThousandYuan(100)), [aimed]));
    }

    [Fact]
    public void ANeedWithNoAmountIsNeverPutOnACreditLine() =>
        Assert.Equal([1], NeedMatching.Suggest([Need(1, "financing")], [Offer(9, "financing", credit: Money.TenThousandYuan(800))]).Unmatched);

    [Fact]
    public void ASuggestionFromTheCoreCanBeConfirmedOnTheEntities()
    {
        var line = EnterpriseWorld.BankLine();
        var need = EnterpriseWorld.Raised("financing", Money.TenThousandYuan(500));
        var category = EnterpriseWorld.Categories["financing"];
        var matchNeed = MatchNeed.From(need, category, EnterpriseWorld.Firm(), null);

        var suggestion = NeedMatching.Suggest([matchNeed], [MatchOffer.From(line)]).Suggestions.Single();

        Assert.Null(need.Apply(new(CivicGrid.Core.Enterprises.Needs.NeedAction.Match, "专员"), EnterpriseWorld.With(line)));
        Assert.Equal(suggestion.Amount, line.CreditTaken);
    }
}
