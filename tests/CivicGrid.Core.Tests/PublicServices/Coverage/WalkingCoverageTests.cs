using CivicGrid.Core.Geography;
using CivicGrid.Core.PublicServices.Coverage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.PublicServices.Coverage;

public class WalkingCoverageTests
{
    private const double Latitude = 30.32, Longitude = 120.14;
    private static readonly LocalProjection Here = new(Latitude, Longitude);

    private static CoverageHousehold Household(int grid = 0) => new(grid, Latitude, Longitude);
    private static CoverageFacility North(double metres, int type = 0) => new(type, Latitude + metres / Here.MetresPerDegreeNorth, Longitude, 100);
    private static CoverageFacility East(double metres, int type = 0) => new(type, Latitude, Longitude + metres / Here.MetresPerDegreeEast, 100);

    private static CoverageBand BandFor(CoverageFacility facility, WalkingModel? walking = null) =>
        WalkingCoverage.Compute([facility], [Household()], 1, 1, walking).BandOf(0, 0);

    // With the defaults a minute's walk covers 64 m in a straight line: 5, 10 and 15 minutes end at 320, 640 and 960 m.
    [Theory]
    [InlineData(300, CoverageBand.WithinFive)]
    [InlineData(600, CoverageBand.WithinTen)]
    [InlineData(700, CoverageBand.WithinFifteen)] // 700 × 1.25 / 80 = 10.9 minutes, past the 10-minute band
    [InlineData(950, CoverageBand.WithinFifteen)]
    [InlineData(1000, CoverageBand.Beyond)]
    public void AFacilityNorthOrEastFallsInTheBandOfItsWalk(double metres, CoverageBand band)
    {
        Assert.Equal(band, BandFor(North(metres)));
        Assert.Equal(band, BandFor(East(metres)));
    }

    [Theory]
    [InlineData(320, CoverageBand.WithinFive)]
    [InlineData(320.01, CoverageBand.WithinTen)]
    [InlineData(640, CoverageBand.WithinTen)]
    [InlineData(640.01, CoverageBand.WithinFifteen)]
    [InlineData(960, CoverageBand.WithinFifteen)]
    [InlineData(960.01, CoverageBand.Beyond)]
    public void AHouseholdExactlyOnABoundaryIsInsideIt(double metres, CoverageBand band)
    {
        Assert.Equal(band, BandFor(North(metres)));
        Assert.Equal(band, BandFor(East(metres)));
    }

    [Fact]
    public void AStraighterStreetPatternOrAFasterPaceMovesTheBands()
    {
        Assert.Equal(CoverageBand.WithinTen, BandFor(North(700), new WalkingModel(DetourFactor: 1.0)));
        Assert.Equal(CoverageBand.Beyond, BandFor(North(700), new WalkingModel(DetourFactor: 1.8)));
        Assert.Equal(CoverageBand.WithinFifteen, BandFor(North(1000), new WalkingModel(MetresPerMinute: 100)));
        Assert.Equal(CoverageBand.WithinTen, BandFor(North(300), new WalkingModel(MetresPerMinute: 60)));
    }

    [Fact]
    public void TheDefaultModelPutsFifteenMinutesWithinThePlanningRulesReach()
    {
        var reach = WalkingModel.Default.StraightLineMetres(15);
        Assert.Equal(960, reach, 9);
        Assert.InRange(reach, 800, 1000);
    }

    [Fact]
    public void WithoutFacilitiesEveryHouseholdIsBeyondReach()
    {
        var result = WalkingCoverage.Compute([], [Household(0), Household(1), Household(1)], 3, 2);
        Assert.All(result.Bands, b => Assert.Equal((byte)CoverageBand.Beyond, b));
        Assert.Equal(2, result.Grids.Count(1, 2, CoverageBand.Beyond));
        Assert.Equal(0.0, result.Grids.ShareWithin(1, 2, CoverageBand.WithinFifteen));
    }

    [Fact]
    public void EachTypeIsMeasuredToItsOwnNearestFacility()
    {
        var result = WalkingCoverage.Compute([North(900, type: 0), North(200, type: 1), East(500, type: 0), East(2000, type: 2)], [Household()], 3, 1);
        Assert.Equal(CoverageBand.WithinTen, result.BandOf(0, 0));
        Assert.Equal(CoverageBand.WithinFive, result.BandOf(0, 1));
        Assert.Equal(CoverageBand.Beyond, result.BandOf(0, 2));
    }

    [Fact]
    public void GridsCountTheirHouseholdsPerBandAndShareIsCumulative()
    {
        var households = new[]
        {
            Household(0),
            new CoverageHousehold(0, Latitude + 500 / Here.MetresPerDegreeNorth, Longitude),
            new CoverageHousehold(1, Latitude + 900 / Here.MetresPerDegreeNorth, Longitude),
            new CoverageHousehold(1, Latitude + 5000 / Here.MetresPerDegreeNorth, Longitude),
        };
        var grids = WalkingCoverage.Compute([North(0)], households, 1, 3).Grids;
        Assert.Equal([1, 1, 0, 0], Enum.GetValues<CoverageBand>().Select(b => grids.Count(0, 0, b)));
        Assert.Equal([0, 0, 1, 1], Enum.GetValues<CoverageBand>().Select(b => grids.Count(1, 0, b)));
        Assert.Equal(0.5, grids.ShareWithin(0, 0, CoverageBand.WithinFive));
        Assert.Equal(1.0, grids.ShareWithin(0, 0, CoverageBand.WithinTen));
        Assert.Equal(0.5, grids.ShareWithin(1, 0, CoverageBand.WithinFifteen));
        Assert.Equal(0.75, grids.DistrictShareWithin(0, CoverageBand.WithinFifteen));
        Assert.Null(grids.ShareWithin(2, 0, CoverageBand.Beyond));
        Assert.Equal(2, grids.Households(1));
    }

    [Fact]
    public void AFacilityFarOutsideTheDistrictDoesNotHideTheOnesInside()
    {
        var beijing = new CoverageFacility(0, 39.9, 116.4, 100);
        Assert.Equal(CoverageBand.WithinFive, WalkingCoverage.Compute([beijing, North(100)], [Household()], 1, 1).BandOf(0, 0));
    }

    [Fact]
    public void IndexesOutsideTheirRangesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WalkingCoverage.Compute([North(10, type: 2)], [Household()], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WalkingCoverage.Compute([], [Household(grid: 1)], 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WalkingCoverage.Compute([], [new CoverageHousehold(0, double.NaN, 0)], 1, 1));
    }

    [Property(MaxTest = 500)]
    public Property TheSpatialHashAgreesWithEveryDistanceComputed(int seed)
    {
        var random = new Random(seed);
        var types = random.Next(1, 4);
        var spread = random.NextDouble() * 0.05;
        var facilities = Enumerable.Range(0, random.Next(0, 40))
            .Select(_ => new CoverageFacility(random.Next(types), Latitude + (random.NextDouble() - 0.5) * spread, Longitude + (random.NextDouble() - 0.5) * spread, 50))
            .ToList();
        if (random.Next(5) == 0)
        {
            facilities.Add(new CoverageFacility(0, 39.9, 116.4, 50));
        }
        var households = Enumerable.Range(0, random.Next(0, 300))
            .Select(_ => new CoverageHousehold(random.Next(2), Latitude + (random.NextDouble() - 0.5) * spread, Longitude + (random.NextDouble() - 0.5) * spread))
            .ToList();
        var walking = new WalkingModel(1 + random.NextDouble(), 50 + random.NextDouble() * 50);
        households.AddRange(OnBandLimits(random, facilities, walking));
        var result = WalkingCoverage.Compute(facilities, households, types, 2, walking);
        var expected = BruteForce(facilities, households, types, walking);
        return expected.SequenceEqual(result.Bands).Label($"{facilities.Count} facilities, {households.Count} households");
    }

    private static double Squared(double value) => value * value;

    /// <summary>Households within a few centimetres of a band limit of some facility, where rounding would show.</summary>
    private static IEnumerable<CoverageHousehold> OnBandLimits(Random random, List<CoverageFacility> facilities, WalkingModel walking)
    {
        for (var i = 0; i < (facilities.Count == 0 ? 0 : random.Next(0, 100)); i++)
        {
            var facility = facilities[random.Next(facilities.Count)];
            var metres = walking.StraightLineMetres(5 * random.Next(1, 4)) + (random.NextDouble() - 0.5) * 0.1;
            var angle = random.NextDouble() * 2 * Math.PI;
            yield return new CoverageHousehold(random.Next(2),
                facility.Latitude + metres * Math.Sin(angle) / Here.MetresPerDegreeNorth, facility.Longitude + metres * Math.Cos(angle) / Here.MetresPerDegreeEast);
        }
    }

    private static byte[] BruteForce(List<CoverageFacility> facilities, List<CoverageHousehold> households, int types, WalkingModel walking)
    {
        var box = BoundingBox.Empty;
        facilities.ForEach(f => box.Add(f.Latitude, f.Longitude));
        households.ForEach(h => box.Add(h.Latitude, h.Longitude));
        var projection = LocalProjection.Centred(box.ToRect());
        var bands = walking.Bands();
        var result = new byte[households.Count * types];
        for (var h = 0; h < households.Count; h++)
        {
            for (var type = 0; type < types; type++)
            {
                var (x, y) = (projection.X(households[h].Longitude), projection.Y(households[h].Latitude));
                var nearest = facilities.Where(f => f.TypeIndex == type)
                    .Select(f => Squared(projection.X(f.Longitude) - x) + Squared(projection.Y(f.Latitude) - y))
                    .DefaultIfEmpty(double.PositiveInfinity)
                    .Min();
                result[h * types + type] = (byte)bands.OfSquared(nearest);
            }
        }
        return result;
    }
}
