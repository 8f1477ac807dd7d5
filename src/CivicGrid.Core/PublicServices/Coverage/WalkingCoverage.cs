using System.Collections.Concurrent;
using CivicGrid.Core.Geography;

namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>
/// The 15-minute life circle (15分钟生活圈): for every household and facility type, the band of the walk to the
/// nearest facility of that type, and per grid how many households fall in each band.
/// </summary>
/// <remarks>
/// Distances are straight lines on a <see cref="LocalProjection"/> centred on the inputs (within half a metre of the
/// great circle at 15 minutes' reach anywhere in a district of 10 km), turned into minutes by the
/// <see cref="WalkingModel"/>. Each type's facilities are hashed into a <see cref="PointGrid"/> with cells as wide as
/// the 15-minute reach, and for every small cell of a raster over the households the neighbouring cells give the
/// facilities that can be nearest (<see cref="BandRaster"/>): most raster cells settle one band for all their
/// households, the rest keep a short list to measure. Households are then taken in parallel chunks, each worker
/// keeping its own counts, with nothing allocated per household.
/// </remarks>
public static class WalkingCoverage
{
    private const int ChunkSize = 4096;

    /// <summary>Raster cells an eighth of the reach wide (120 m by default) leave most cells settled and few facilities in the rest.</summary>
    private const int CellsPerReach = 8;

    public static CoverageResult Compute(IReadOnlyList<CoverageFacility> facilities, IReadOnlyList<CoverageHousehold> households,
        int typeCount, int gridCount, WalkingModel? walking = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(typeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(gridCount);
        var bands = (walking ?? WalkingModel.Default).Bands();
        var (projection, homes) = ProjectionFor(facilities, households, typeCount, gridCount);
        var result = new byte[households.Count * typeCount];
        var counts = new int[gridCount * typeCount * CoverageBands.Count];
        if (households.Count > 0)
        {
            var geometry = RasterGeometry.Covering(projection.X(homes.West), projection.Y(homes.South), projection.X(homes.East),
                projection.Y(homes.North), bands.Reach / CellsPerReach);
            var rasters = Rasters(facilities, typeCount, projection, geometry, bands);
            ClassifyInParallel(households, projection, geometry, rasters, bands, result, counts);
        }
        return new CoverageResult(result, typeCount, new GridCoverage(gridCount, typeCount, counts));
    }

    private static void ClassifyInParallel(IReadOnlyList<CoverageHousehold> households, LocalProjection projection,
        RasterGeometry geometry, BandRaster[] rasters, CoverageBands bands, byte[] result, int[] counts)
    {
        var merging = new Lock();
        Parallel.ForEach(Partitioner.Create(0, households.Count, ChunkSize),
            () => new int[counts.Length],
            (range, _, local) =>
            {
                Classify(households, range, projection, geometry, rasters, bands, result, local);
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
        RasterGeometry geometry, BandRaster[] rasters, CoverageBands bands, byte[] result, int[] counts)
    {
        var types = rasters.Length;
        for (var i = range.Item1; i < range.Item2; i++)
        {
            var household = households[i];
            var (x, y) = (projection.X(household.Longitude), projection.Y(household.Latitude));
            var cell = geometry.CellOf(x, y);
            var countsOffset = household.GridIndex * types * CoverageBands.Count;
            for (var type = 0; type < types; type++)
            {
                var band = (int)rasters[type].Band(cell, x, y, bands);
                result[i * types + type] = (byte)band;
                counts[countsOffset + type * CoverageBands.Count + band]++;
            }
        }
    }

    /// <summary>Checks every index and position, and centres the projection on all of them; also the households' rectangle.</summary>
    private static (LocalProjection Projection, GeoRect Households) ProjectionFor(IReadOnlyList<CoverageFacility> facilities,
        IReadOnlyList<CoverageHousehold> households, int typeCount, int gridCount)
    {
        var box = BoundingBox.Empty;
        var homes = BoundingBox.Empty;
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
            homes.Add(household.Latitude, household.Longitude);
        }
        return (LocalProjection.Centred(box.ToRect()), homes.ToRect());
    }

    private static BandRaster[] Rasters(IReadOnlyList<CoverageFacility> facilities, int typeCount, LocalProjection projection,
        RasterGeometry geometry, CoverageBands bands)
    {
        var ofType = facilities.ToLookup(f => f.TypeIndex);
        var rasters = new BandRaster[typeCount];
        Parallel.For(0, typeCount, type => rasters[type] = BandRaster.Build(geometry,
            [.. ofType[type].Select(f => projection.X(f.Longitude))], [.. ofType[type].Select(f => projection.Y(f.Latitude))], bands));
        return rasters;
    }
}
