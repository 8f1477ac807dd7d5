using CivicGrid.Core.Cases;
using CivicGrid.Core.Cockpit;

namespace CivicGrid.Core.Tests.Cockpit;

public class CockpitFigureTests
{
    [Fact]
    public void ARatesChangeIsInPointsAndACountsIsAShareOfTheMonthBefore()
    {
        Assert.Equal(-0.05, new KeyFigure("r", "响应率", 0.90, 0.95, IsRate: true).Change!.Value, 10);
        Assert.Equal(0.25, new KeyFigure("c", "诉求量", 125, 100, IsRate: false).Change);
        Assert.Null(new KeyFigure("c", "诉求量", 5, 0, IsRate: false).Change);
        Assert.Null(new KeyFigure("r", "响应率", null, 0.9, IsRate: true).Change);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 100.0, AreaColour.Green)]
    [InlineData(0.9, 0.7, 0.8, 80.0, AreaColour.Green)]
    [InlineData(0.9, 0.6, 0.8, 76.7, AreaColour.Yellow)]
    [InlineData(0.6, 0.6, 0.6, 60.0, AreaColour.Yellow)]
    [InlineData(0.5, 0.6, 0.6, 56.7, AreaColour.Red)]
    public void TheCaseLoopScoreIsTheMeanOfTheThreeRatesColouredAsTheExampleScheme(double response, double resolution, double satisfaction, double score, AreaColour colour)
    {
        var rates = new Indicators(response, resolution, satisfaction, null, null, null, null, null);
        Assert.Equal(score, CaseLoopScore.Of(rates));
        Assert.Equal(colour, CaseLoopScore.Colour(CaseLoopScore.Of(rates)));
    }

    [Fact]
    public void ARateWithoutDenominatorIsLeftOutAndNoneMeansNoScore()
    {
        Assert.Equal(70.0, CaseLoopScore.Of(new Indicators(0.8, null, 0.6, null, null, null, null, null)));
        Assert.Null(CaseLoopScore.Of(new Indicators(null, null, null, 1, 1, 1, 0, 0)));
        Assert.Equal(AreaColour.None, CaseLoopScore.Colour(null));
    }
}
