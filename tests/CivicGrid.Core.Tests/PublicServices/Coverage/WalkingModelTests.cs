using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.Core.Tests.PublicServices.Coverage;

public class WalkingModelTests
{
    [Fact]
    public void MinutesAreTheStretchedLineAtTheWalkingPace()
    {
        Assert.Equal(12.5, WalkingModel.Default.Minutes(800), 9);
        Assert.Equal(1000, WalkingModel.Default.WalkingMetres(800), 9);
        Assert.Equal(640, WalkingModel.Default.StraightLineMetres(10), 9);
    }

    [Theory]
    [InlineData(0.9, 80)]
    [InlineData(double.NaN, 80)]
    [InlineData(1.25, 0)]
    [InlineData(1.25, double.PositiveInfinity)]
    public void ImpossibleModelsAreRefused(double detour, double pace) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalkingModel(detour, pace));
}
