using CivicGrid.Core.Geography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Geography;

public class PointGridTests
{
    [Property(MaxTest = 300)]
    public Property WithinFindsExactlyThePointsInsideTheRadius(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(0, 200);
        var xs = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 5_000).ToArray();
        var ys = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 5_000).ToArray();
        var grid = new PointGrid(xs, ys, 700);
        var (x, y, radius) = (random.NextDouble() * 7_000 - 1_000, random.NextDouble() * 7_000 - 1_000, random.NextDouble() * 700);
        var found = new List<Neighbour>();
        grid.Within(x, y, radius, found);
        var expected = Enumerable.Range(0, count).Where(i => Math.Pow(xs[i] - x, 2) + Math.Pow(ys[i] - y, 2) <= radius * radius);
        return found.Select(n => n.Index).Order().SequenceEqual(expected).ToProperty();
    }

    [Fact]
    public void ASearchWiderThanTheGridWasBuiltForIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PointGrid([0.0], [0.0], 100).Within(0, 0, 101, []));

    [Fact]
    public void OneFarPointWidensTheCellsInsteadOfFillingMemory()
    {
        var grid = new PointGrid([0.0, 5_000_000], [0.0, 3_000_000], 10);
        var found = new List<Neighbour>();
        grid.Within(5, 0, 10, found);
        Assert.Equal([0], found.Select(n => n.Index));
    }
}
