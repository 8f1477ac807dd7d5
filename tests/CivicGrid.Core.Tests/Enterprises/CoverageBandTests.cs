using CivicGrid.Core.Enterprises.Sweeps;

namespace CivicGrid.Core.Tests.Enterprises;

public class CoverageBandTests
{
    [Theory]
    [InlineData(0, 0, CoverageBand.NoFirms)]
    [InlineData(0, 3, CoverageBand.Poor)]
    [InlineData(49, 100, CoverageBand.Poor)]
    [InlineData(1, 2, CoverageBand.Partial)]
    [InlineData(899, 1000, CoverageBand.Partial)]
    [InlineData(9, 10, CoverageBand.Good)]
    [InlineData(7, 7, CoverageBand.Good)]
    public void TheBandsStartAtNinetyAndFiftyPercentExactly(int covered, int enterprises, CoverageBand band) =>
        Assert.Equal(band, CoverageBands.Of(new SweepCoverage(1, enterprises, covered, 0, 0, 0, 0)));
}
