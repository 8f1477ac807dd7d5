using System.Collections.Concurrent;
using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Services.Coverage;

/// <summary>
/// The 15-minute life circle (15分钟生活圈): for every household and facility type, the band of the walk to the
/// nearest facility of that type, and per grid how many households fall in each band.
/// </summary>
/// <remarks>
/// Distances are straight lines on a <see cref="LocalProjection"/> centred on the inputs (within half a metre of the
/// great circle at 15 minutes' reach anywhere in a district of 10 km), turned into minutes by the
/// <see cref="WalkingModel"/>. Each type's facilities are hashed into cells as wide as the 15-minute reach, so a
/// household looks at nine cells per type; households are taken in parallel chunks, each worker keeping its own
/// counts, and nothing is allocated per household.
/// </remarks>
public static class WalkingCoverage
{
    private const int ChunkSize = 4096;

    public static CoverageResult Compute(IReadOnlyList<CoverageFacility> facilities, IReadOnlyList<CoverageHousehold> households,
        int typeCount, int gridCount, WalkingModel? walking = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(typeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(gridCount);
        var bands = (walking ?? WalkingModel.Default).Bands();
        var projection = ProjectionFor(facilities, households, typeCount, gridCount);
        var nearby = FacilityGrids(facilities, typeCount, projection, bands.Reach);
        var result = new byte[households.Count * typeCount];
        var counts = new int[gridCount * typeCount * CoverageBands.Count];
        if (households.Count > 0)
        {
            ClassifyInParallel(households, projection, nearby, bands, result, counts);
        }
        return new CoverageResult(result, typeCount, new GridCoverage(gridCount, typeCount, counts));
    }

    private static void ClassifyInParallel(IReadOnlyList<CoverageHousehold> households, LocalProjection projection,
        PointGrid[] nearby, CoverageBands bands, byte[] result, int[] counts)
    {
        var merging = new Lock();
        Parallel.ForEach(Partitioner.Create(0, households.Count, ChunkSize),
            () => new int[counts.Length],
            (range, _, local) =>
            {
                Classify(households, range, projection, nearby, bands, result, local);
                return local;
            },
            local =>
            {
                lock (merging)
                {
                    for (var i = 0; i < counts.Length; i++)
                    {
                        counts[i] += local[i];
                    }
                }
            });
    }

    private static void Classify(IReadOnlyList<CoverageHousehold> households, Tuple<int, int> range, LocalProjection projection,
        PointGrid[] nearby, CoverageBands bands, byte[] result, int[] counts)
    {
        var types = nearby.Length;
        for (var i = range.Item1; i < range.Item2; i++)
        {
            var household = households[i];
            var (x, y) = (projection.X(household.Longitude), projection.Y(household.Latitude));
            var countsOffset = household.GridIndex * types * CoverageBands.Count;
            for (var type = 0; type < types; type++)
            {
                var band = (int)bands.Of(Math.Sqrt(nearby[type].NearestSquared(x, y)));
                result[i * types + type] = (byte)band;
                counts[countsOffset + type * CoverageBands.Count + band]++;
            }
        }
    }

    /// <summary>Checks every index and position, and centres the projection on all of them.</summary>
    private static LocalProjection ProjectionFor(IReadOnlyList<CoverageFacility> facilities, IReadOnlyList<CoverageHousehold> households, int typeCount, int gridCount)
    {
        var box = BoundingBox.Empty;
        foreach (var facility in facilities)
        {
            if ((uint)facility.TypeIndex >= (uint)typeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(facilities), $"Facility type {facility.TypeIndex} is outside 0–{typeCount - 1}.");
            }
            box.Add(facility.Latitude, facility.Longitude);
        }
        for (var i = 0; i < households.Count; i++)
        {
            var household = households[i];
            if ((uint)household.GridIndex >= (uint)gridCount)
            {
                throw new ArgumentOutOfRangeException(nameof(households), $"Household {i} names grid {household.GridIndex}, outside 0–{gridCount - 1}.");
            }
            box.Add(household.Latitude, household.Longitude);
        }
        return LocalProjection.Centred(box.ToRect());
    }

    private static PointGrid[] FacilityGrids(IReadOnlyList<CoverageFacility> facilities, int typeCount, LocalProjection projection, double reach)
    {
        var xs = Enumerable.Range(0, typeCount).Select(_ => new List<double>()).ToArray();
        var ys = Enumerable.Range(0, typeCount).Select(_ => new List<double>()).ToArray();
        foreach (var facility in facilities)
        {
            xs[facility.TypeIndex].Add(projection.X(facility.Longitude));
            ys[facility.TypeIndex].Add(projection.Y(facility.Latitude));
        }
        return Enumerable.Range(0, typeCount).Select(t => new PointGrid(xs[t].ToArray(), ys[t].ToArray(), reach)).ToArray();
    }
}
