using CivicGrid.Core.Assessment;

namespace CivicGrid.Core.Tests.Assessment;

public class ReviewTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EqualTotalsShareARankAndTheListsTakeTiesFromBothEnds()
    {
        var scheme = AssessmentSchemeTests.Scheme with { HonourListSize = 1, BlackListSize = 1 };
        var scores = new[] { ("A", 95m), ("B", 95m), ("C", 70m), ("D", 85m), ("E", 40m), ("F", 40m) }
            .Select(u => new UnitScore(u.Item1, u.Item2, ScoreSheet.Stars(scheme, u.Item2), ScoreSheet.Colour(scheme, u.Item2), [], []));

        var ranked = Ranking.Rank(scheme, scores);

        Assert.Equal(["A", "B", "D", "C", "E", "F"], ranked.Select(r => r.Score.UnitCode));
        Assert.Equal([1, 1, 3, 4, 5, 5], ranked.Select(r => r.Rank));
        Assert.Equal([ListPlace.Honour, ListPlace.Honour, ListPlace.None, ListPlace.Warning, ListPlace.Black, ListPlace.Black], ranked.Select(r => r.List));
    }

    [Fact]
    public void AListNamesOnlyUnitsOfItsColourSoTheLastOfAnAllGreenMonthIsNotBlacklisted()
    {
        var scheme = AssessmentSchemeTests.Scheme with { HonourListSize = 2, BlackListSize = 2 };
        var allGreen = Ranking.Rank(scheme, Units(scheme, ("A", 100m), ("B", 98m), ("C", 95m)));
        var allRed = Ranking.Rank(scheme, Units(scheme, ("A", 50m), ("B", 40m), ("C", 30m)));

        Assert.Equal([ListPlace.Honour, ListPlace.Honour, ListPlace.None], allGreen.Select(r => r.List));
        Assert.Equal([ListPlace.None, ListPlace.Black, ListPlace.Black], allRed.Select(r => r.List));
    }

    private static IEnumerable<UnitScore> Units(AssessmentScheme scheme, params (string Code, decimal Total)[] units) =>
        units.Select(u => new UnitScore(u.Code, u.Total, ScoreSheet.Stars(scheme, u.Total), ScoreSheet.Colour(scheme, u.Total), [], []));

    [Fact]
    public void APublishedReviewNeverChanges()
    {
        var review = Draft();

        Assert.Null(review.Publish("区考核办", Now));
        Assert.Equal(AssessmentReview.Immutable, review.Publish("另一人", Now.AddHours(1)));
        Assert.Equal(("区考核办", Now), (review.PublishedBy, review.PublishedAt));
    }

    [Fact]
    public void AnObjectionNeedsAPublishedReviewAReasonAndTheFilingWindow()
    {
        var review = Draft();
        Assert.Equal("考核结果尚未发布，不能提出异议", ReviewObjection.FilingRefusal(review, true, false, "满意率统计漏了两件已评价的诉求", Now));
        review.Publish("区考核办", Now);

        Assert.Null(ReviewObjection.FilingRefusal(review, true, false, "满意率统计漏了两件已评价的诉求", Now.AddDays(2)));
        Assert.Equal("请写明异议理由（至少 10 个字）", ReviewObjection.FilingRefusal(review, true, false, "不服", Now));
        Assert.Equal("本单位对这次考核已有一条异议在处理中", ReviewObjection.FilingRefusal(review, true, true, "满意率统计漏了两件已评价的诉求", Now));
        Assert.Equal("本单位不在这次考核中", ReviewObjection.FilingRefusal(review, false, false, "满意率统计漏了两件已评价的诉求", Now));
        Assert.Equal("异议应在结果发布后 10 天内提出", ReviewObjection.FilingRefusal(review, true, false, "满意率统计漏了两件已评价的诉求", Now.AddDays(11)));
    }

    [Fact]
    public void AnObjectionIsAnsweredOnceWithAReply()
    {
        var objection = new ReviewObjection { UnitCode = "C1", Reason = "满意率统计漏了两件已评价的诉求", FiledBy = "社区书记", FiledAt = Now };

        Assert.Equal("请写明答复内容（至少 4 个字）", objection.Answer(false, "", "区考核办", Now));
        Assert.Null(objection.Answer(true, "核实属实，已生成更正考核", "区考核办", Now));
        Assert.Equal("该异议已答复", objection.Answer(false, "不予采纳，理由如下", "区考核办", Now));
        Assert.Equal(ObjectionStatus.Upheld, objection.Status);
    }

    [Theory]
    [InlineData(ReviewPeriodKind.Monthly, "2026-11-01", null)]
    [InlineData(ReviewPeriodKind.Monthly, "2026-11-02", "考核期应从某月 1 日开始")]
    [InlineData(ReviewPeriodKind.Quarterly, "2026-08-01", "季度考核应从 1、4、7、10 月开始")]
    [InlineData(ReviewPeriodKind.Quarterly, "2026-10-01", null)]
    [InlineData(ReviewPeriodKind.Monthly, "2027-01-01", "考核期尚未开始")]
    public void APeriodStartsOnTheFirstOfAMonthOrQuarter(ReviewPeriodKind kind, string start, string? refusal)
    {
        Assert.Equal(refusal, AssessmentReview.PeriodRefusal(kind, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 3)));
    }

    private static AssessmentReview Draft() =>
        new() { PeriodKind = ReviewPeriodKind.Monthly, PeriodStart = new DateOnly(2026, 11, 1), ComputedBy = "区考核办", ComputedAt = Now };
}
