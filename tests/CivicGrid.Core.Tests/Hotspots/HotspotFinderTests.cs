using CivicGrid.Core.Geography;
using CivicGrid.Core.Hotspots;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Hotspots;

/// <summary>Synthetic districts where the true clusters are known: planted tight clusters among scattered noise.</summary>
public class HotspotFinderTests
{
    private static readonly DateTime AsOf = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly LocalProjection Map = new(30.27, 120.15);
    private static readonly HotspotRule Rule = new();

    [Property(MaxTest = 60)]
    public void FindsExactlyThePlantedClustersAmongNoise(int seed)
    {
        var random = new Random(seed);
        var cases = new List<LocatedCase>();
        var planted = new List<HashSet<int>>();
        var clusterCells = new HashSet<(int, int)>();
        for (var k = random.Next(1, 7); k > 0; k--)
        {
            var cell = (random.Next(0, 6), random.Next(0, 6));
            if (!clusterCells.Add(cell))
            {
                continue;
            }
            var item = random.Next(2) == 0 ? "0502" : "0101";
            var (cx, cy) = (cell.Item1 * 2000.0, cell.Item2 * 2000.0);
            var members = new HashSet<int>();
            for (var n = random.Next(5, 13); n > 0; n--)
            {
                members.Add(Add(cases, item, cx + random.Next(-60, 61), cy + random.Next(-60, 61), random.Next(0, 29)));
            }
            planted.Add(members);
        }
        // Noise: one case per 700 m lattice point, jittered by up to 100 m, so no two are within 300 m; none near a cluster.
        for (var i = 0; i < 18; i++)
        {
            for (var j = 0; j < 18; j++)
            {
                var (x, y) = (i * 700.0 + random.Next(-100, 101), j * 700.0 + random.Next(-100, 101));
                if (clusterCells.Any(c => Math.Abs(c.Item1 * 2000.0 - x) < 1000 && Math.Abs(c.Item2 * 2000.0 - y) < 1000))
                {
                    continue;
                }
                Add(cases, random.Next(2) == 0 ? "0502" : "0101", x, y, random.Next(0, 29));
            }
        }
        var shuffled = cases.OrderBy(_ => random.Next()).ToList();

        var found = HotspotFinder.Find(shuffled, Rule, AsOf);

        Assert.Equal(planted.Count, found.Count);
        foreach (var members in planted)
        {
            Assert.Contains(found, h => h.CaseIds.ToHashSet().SetEquals(members));
        }
        Assert.All(found, h => Assert.True(h.SpreadMetres < 100, $"spread {h.SpreadMetres}"));
    }

    [Fact]
    public void FourCasesAreNoHotspotAndTheFifthMakesOne()
    {
        var cases = new List<LocatedCase>();
        for (var i = 0; i < 4; i++)
        {
            Add(cases, "0502", i * 50, 0, 3);
        }

        Assert.Empty(HotspotFinder.Find(cases, Rule, AsOf));
        var fifth = Add(cases, "0502", 250, 0, 1);
        var spot = Assert.Single(HotspotFinder.Find(cases, Rule, AsOf));
        Assert.Equal(5, spot.CaseIds.Count);
        Assert.Contains(fifth, spot.CaseIds);
        Assert.Equal("0502", spot.ItemCode);
        Assert.Equal(AsOf.AddDays(-3).AddHours(-1), spot.FirstAt);
    }

    [Fact]
    public void CasesOutsideTheWindowOrOfAnotherItemDoNotCount()
    {
        var cases = new List<LocatedCase>();
        for (var i = 0; i < 4; i++)
        {
            Add(cases, "0502", i * 20, 0, 2);
        }
        Add(cases, "0502", 100, 0, Rule.WindowDays);
        Add(cases, "0101", 100, 0, 2);

        Assert.Empty(HotspotFinder.Find(cases, Rule, AsOf));
        Assert.Single(HotspotFinder.Find(cases, Rule, AsOf.AddDays(-1)));
    }

    [Fact]
    public void ALineOfCasesAlongAStreetIsOneHotspot()
    {
        var cases = new List<LocatedCase>();
        for (var i = 0; i < 12; i++)
        {
            Add(cases, "0502", i * 100, 0, 5);
        }

        var spot = Assert.Single(HotspotFinder.Find(cases, Rule, AsOf));

        Assert.Equal(12, spot.CaseIds.Count);
        Assert.InRange(spot.SpreadMetres, 549, 551);
        Assert.InRange(new GeoPoint(spot.Latitude, spot.Longitude).DistanceMetresTo(new GeoPoint(Map.Latitude(0), Map.Longitude(550))), 0, 1);
    }

    [Fact]
    public void TheHotspotGoesToTheGridMostOfItsCasesAreIn()
    {
        var cases = new List<LocatedCase>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(new LocatedCase(i + 1, "0502", i < 2 ? "G1" : "G2", Map.Latitude(0), Map.Longitude(i * 10), AsOf.AddDays(-1)));
        }

        Assert.Equal("G2", Assert.Single(HotspotFinder.Find(cases, Rule, AsOf)).GridCode);
    }

    [Fact]
    public void RulesOutsideTheirRangesAreRefusedInChinese()
    {
        Assert.Empty(Rule.Refusals());
        Assert.Equal(3, new HotspotRule(1, 5, 0).Refusals().Count);
        Assert.Equal(4, new TrendRule(0, 1, 0, 3).Refusals().Count);
    }

    private static int Add(List<LocatedCase> cases, string item, double x, double y, int daysAgo)
    {
        var id = cases.Count + 1;
        cases.Add(new LocatedCase(id, item, "330105001001001", Map.Latitude(y), Map.Longitude(x), AsOf.AddDays(-daysAgo).AddHours(-1)));
        return id;
    }
}
