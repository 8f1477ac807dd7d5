using CivicGrid.Core.Geography;
using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.Bench;

/// <summary>
/// A made-up district of about 70 km² around 30.32 N 120.14 E: grids of uneven population, households placed at
/// random inside their grid, and the district's life-cycle facilities of nine types placed where people live.
/// </summary>
internal sealed class SyntheticDistrict
{
    /// <summary>The district's facility counts by type: the first five are the real district's, the rest about its size.</summary>
    public static readonly (string Name, int Count)[] FacilityTypes =
    [
        ("elderly care stations", 162), ("children's stations", 53), ("canteens", 113), ("health stations", 111), ("sports fields", 421),
        ("childcare centres", 60), ("home-care centres", 60), ("libraries", 60), ("neighbourhood centres", 55),
    ];

    // 8.4 km a side: 0.0756° of latitude, 0.0875° of longitude at this latitude.
    private static readonly GeoRect Bounds = new(30.32 - 0.0378, 120.14 - 0.04375, 30.32 + 0.0378, 120.14 + 0.04375);

    private readonly IReadOnlyList<GeoRect> _grids;
    private readonly double[] _cumulativeWeight;
    private readonly Random _random;

    private SyntheticDistrict(int gridCount, int seed)
    {
        _random = new Random(seed);
        _grids = Bounds.Subdivide(gridCount);
        _cumulativeWeight = new double[gridCount];
        var total = 0.0;
        for (var g = 0; g < gridCount; g++)
        {
            total += 0.3 + 1.4 * _random.NextDouble();
            _cumulativeWeight[g] = total;
        }
    }

    public int GridCount => _grids.Count;
    public const double AreaSquareKilometres = 8.4 * 8.4;

    public static SyntheticDistrict Create(int gridCount, int seed = 2026) => new(gridCount, seed);

    /// <summary>A random position in a grid chosen by population, with that grid's index.</summary>
    public (int Grid, double Latitude, double Longitude) PlaceSomeone()
    {
        var pick = _random.NextDouble() * _cumulativeWeight[^1];
        var found = Array.BinarySearch(_cumulativeWeight, pick);
        var grid = Math.Min(found < 0 ? ~found : found, _grids.Count - 1);
        var cell = _grids[grid];
        return (grid, cell.South + _random.NextDouble() * (cell.North - cell.South), cell.West + _random.NextDouble() * (cell.East - cell.West));
    }

    public CoverageHousehold[] Households(int count) =>
        Enumerable.Range(0, count).Select(_ => PlaceSomeone()).Select(p => new CoverageHousehold(p.Grid, p.Latitude, p.Longitude)).ToArray();

    public CoverageFacility[] Facilities() =>
        FacilityTypes.SelectMany((type, index) => Enumerable.Range(0, type.Count).Select(_ => PlaceSomeone())
            .Select(p => new CoverageFacility(index, p.Latitude, p.Longitude, 100 + _random.Next(900)))).ToArray();

    public Random Random => _random;
}
