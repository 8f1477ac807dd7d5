using CivicGrid.Core.Hotspots;

namespace CivicGrid.Core.Tests.Hotspots;

public class RisingTrendsTests
{
    private static readonly DateTime AsOf = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TrendRule Rule = new();

    [Fact]
    public void AGridRisesWhenThisWindowHoldsTwiceTheAverageOfTheThreeBefore()
    {
        var cases = new List<LocatedCase>();
        Month(cases, "G1", "0502", window: 0, count: 6);
        Month(cases, "G1", "0502", window: 1, count: 1);
        Month(cases, "G1", "0502", window: 2, count: 2);
        Month(cases, "G1", "0502", window: 3, count: 3);
        Month(cases, "G1", "0502", window: 4, count: 40);
        Month(cases, "G2", "0502", window: 0, count: 5);
        Month(cases, "G2", "0502", window: 1, count: 3);
        Month(cases, "G2", "0502", window: 2, count: 3);
        Month(cases, "G2", "0502", window: 3, count: 3);
        Month(cases, "G3", "0101", window: 0, count: 4);

        var trend = Assert.Single(RisingTrends.Find(cases, Rule, AsOf));

        Assert.Equal(new RisingTrend("G1", "0502", 6, 2), trend);
    }

    [Fact]
    public void APairWithoutEarlierCasesRisesFromZeroOnceItReachesTheMinimum()
    {
        var cases = new List<LocatedCase>();
        Month(cases, "G1", "0601", window: 0, count: 5);
        Month(cases, "G2", "0601", window: 0, count: 4);

        Assert.Equal([new RisingTrend("G1", "0601", 5, 0)], RisingTrends.Find(cases, Rule, AsOf));
    }

    private static void Month(List<LocatedCase> cases, string grid, string item, int window, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = AsOf.AddDays(-window * Rule.WindowDays - 1 - i % 20);
            cases.Add(new LocatedCase(cases.Count + 1, item, grid, 30.27, 120.15, at));
        }
    }
}
