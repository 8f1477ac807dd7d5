using CivicGrid.Core.Assessment;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Assessment;

public class AssessmentSchemeTests
{
    internal static readonly AssessmentScheme Scheme = new(
        "社区五星三色月度考核",
        AssessedLevel.Community,
        [
            new("cases.resolutionRate", 40, 0.6m, 1.0m),
            new("cases.satisfactionRate", 30, 0.8m, 1.0m),
            new("cases.reworkRate", 10, 0.2m, 0m),
            new("visits.coverage", 20, 0.5m, 0.9m),
        ],
        [60, 70, 80, 90],
        [new(RatingColour.Green, 80), new(RatingColour.Yellow, 60), new(RatingColour.Red, 0)]);

    [Fact]
    public void AUnitsScoreIsTheSumOfItsLinesToTheCent()
    {
        var figures = new Dictionary<string, Figure>
        {
            ["cases.resolutionRate"] = Figure.Rate(45, 50),     // 0.9 → 40 × 0.75 = 30
            ["cases.satisfactionRate"] = Figure.Rate(27, 30),   // 0.9 → 30 × 0.5 = 15
            ["cases.reworkRate"] = Figure.Rate(1, 20),          // 0.05 → 10 × 0.75 = 7.5
            ["visits.coverage"] = Figure.Rate(2, 3),            // 0.6667 → 20 × 0.41667 = 8.33
        };
        Adjustment[] adjustments = [new("C1", -5, "辖区发生一起较大安全事故", "事故通报 2026-11-12"), new("C2", 3, "获评市级示范社区")];

        var score = ScoreSheet.Score(Scheme, "C1", figures, adjustments);

        Assert.Equal([30m, 15m, 7.5m, 8.33m], score.Lines.Select(l => l.Points));
        Assert.Equal(55.83m, score.Total);
        Assert.Equal(1, score.Stars);
        Assert.Equal(RatingColour.Red, score.Colour);
        Assert.Equal("辖区发生一起较大安全事故", Assert.Single(score.Adjustments).Reason);
    }

    [Fact]
    public void ARateWithNothingToCountEarnsItsWholeWeightAndSaysSo()
    {
        var figures = Figures(0.9m);
        figures["cases.satisfactionRate"] = Figure.Rate(0, 0);

        var line = ScoreSheet.Score(Scheme, "C1", figures, []).Lines[1];

        Assert.Equal(30m, line.Points);
        Assert.Equal(ScoreSheet.NotMeasured, line.Note);
    }

    [Theory]
    [InlineData(59.99, 1, RatingColour.Red)]
    [InlineData(60, 2, RatingColour.Yellow)]
    [InlineData(79.99, 3, RatingColour.Yellow)]
    [InlineData(80, 4, RatingColour.Green)]
    [InlineData(90, 5, RatingColour.Green)]
    public void StarsAndColourFollowTheThresholds(double total, int stars, RatingColour colour)
    {
        Assert.Equal(stars, ScoreSheet.Stars(Scheme, (decimal)total));
        Assert.Equal(colour, ScoreSheet.Colour(Scheme, (decimal)total));
    }

    [Property(MaxTest = 300)]
    public void TheExplanationAlwaysAddsUpToTheScore(byte a, byte b, byte c, byte d, sbyte bonus)
    {
        var figures = new Dictionary<string, Figure>
        {
            ["cases.resolutionRate"] = Figure.Rate(a, 255),
            ["cases.satisfactionRate"] = Figure.Rate(b, 255),
            ["cases.reworkRate"] = Figure.Rate(c, 255),
            ["visits.coverage"] = Figure.Rate(d, 255),
        };
        Adjustment[] adjustments = bonus % 21 == 0 ? [] : [new("C1", bonus % 21, "按规定加减分")];

        var score = ScoreSheet.Score(Scheme, "C1", figures, adjustments);

        var sum = score.Lines.Sum(l => l.Points) + score.Adjustments.Sum(x => x.Points);
        Assert.Equal(Math.Max(0, sum), score.Total);
        Assert.All(score.Lines, l => Assert.InRange(l.Points, 0, l.Weight));
    }

    [Fact]
    public void ASchemesMistakesAreAllReportedInChinese()
    {
        var broken = Scheme with
        {
            Items =
            [
                new("cases.resolutionRate", 40, 0.6m, 1.0m),
                new("cases.unknown", 30, 0, 1),
                new("cases.reworkRate", 10, 0m, 0.2m),
                new("cases.resolutionRate", 15, 0.6m, 1.0m),
            ],
            StarMinimums = [60, 75, 70, 90],
            Colours = [new(RatingColour.Green, 80), new(RatingColour.Yellow, 80), new(RatingColour.Red, 10)],
        };

        var reasons = SchemeCheck.Refusals(broken).Select(r => r.Reason).ToList();

        Assert.Contains("第2项指标“cases.unknown”不在指标库中", reasons);
        Assert.Contains("第3项指标“返工率”越低越好，满分值应低于零分值", reasons);
        Assert.Contains("第4项指标“解决率”重复", reasons);
        Assert.Contains("各指标权重合计为 95，应为 100", reasons);
        Assert.Contains("星级分数线须逐级升高：4星（70）不高于3星（75）", reasons);
        Assert.Contains("绿色、黄色的分数线相同（80），无法区分", reasons);
        Assert.Contains("最低一档颜色的分数线应为 0，否则部分得分没有颜色", reasons);
        Assert.Empty(SchemeCheck.Refusals(Scheme));
    }

    [Fact]
    public void ABonusWithoutAReasonIsRefused()
    {
        Assert.Equal(["加分或减分必须写明理由（至少 4 个字）"], SchemeCheck.AdjustmentRefusals(new("C1", 5, " ")));
        Assert.Single(SchemeCheck.AdjustmentRefusals(new("C1", 25, "获评省级示范社区")));
        Assert.Empty(SchemeCheck.AdjustmentRefusals(new("C1", -5, "发生较大安全事故")));
    }

    internal static Dictionary<string, Figure> Figures(decimal all) =>
        Scheme.Items.ToDictionary(i => i.IndicatorKey, i => new Figure(i.IndicatorKey == "cases.reworkRate" ? 1 - all : all));
}
