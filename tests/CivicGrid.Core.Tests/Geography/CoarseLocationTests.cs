using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Tests.Geography;

public class CoarseLocationTests
{
    [Fact]
    public void PointsOfOneCellShareItsCornerAndNoneMovesFurtherThanTheCellsDiagonal()
    {
        var a = CoarseLocation.Snap(30.31871, 120.14399);
        var b = CoarseLocation.Snap(30.31851, 120.14351);

        Assert.Equal(new GeoPoint(30.3185, 120.1435), a);
        Assert.Equal(a, b);
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var point = new GeoPoint(30.2 + random.NextDouble() * 0.2, 120.0 + random.NextDouble() * 0.3);
            var snapped = CoarseLocation.Snap(point.Latitude, point.Longitude);
            Assert.InRange(point.DistanceMetresTo(snapped), 0, 75);
            Assert.Equal(Math.Round(snapped.Latitude * CoarseLocation.CellsPerDegree), snapped.Latitude * CoarseLocation.CellsPerDegree, 6);
        }
    }
}
