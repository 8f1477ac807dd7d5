namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>How many households of each grid fall in each band for each facility type.</summary>
public sealed class GridCoverage
{
    private readonly int[] _counts;

    internal GridCoverage(int gridCount, int typeCount, int[] counts)
    {
        GridCount = gridCount;
        TypeCount = typeCount;
        _counts = counts;
    }

    public int GridCount { get; }
    public int TypeCount { get; }

    public int Count(int grid, int type, CoverageBand band) => _counts[Offset(grid, type) + (int)band];

    public int Households(int grid) => CountWithin(grid, 0, CoverageBand.Beyond);

    /// <summary>Households of the grid whose walk to the nearest facility of the type is in <paramref name="band"/> or a shorter one.</summary>
    public int CountWithin(int grid, int type, CoverageBand band)
    {
        var offset = Offset(grid, type);
        var total = 0;
        for (var b = 0; b <= (int)band; b++)
        {
            total += _counts[offset + b];
        }
        return total;
    }

    /// <summary>The share (0–1) of the grid's households within the band's time of the type, or null for a grid without households.</summary>
    public double? ShareWithin(int grid, int type, CoverageBand band)
    {
        var households = Households(grid);
        return households == 0 ? null : (double)CountWithin(grid, type, band) / households;
    }

    /// <summary>The same share over every grid together.</summary>
    public double? DistrictShareWithin(int type, CoverageBand band)
    {
        long within = 0, households = 0;
        for (var grid = 0; grid < GridCount; grid++)
        {
            within += CountWithin(grid, type, band);
            households += Households(grid);
        }
        return households == 0 ? null : (double)within / households;
    }

    private int Offset(int grid, int type)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(grid, GridCount);
        ArgumentOutOfRangeException.ThrowIfNegative(type);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(type, TypeCount);
        return (grid * TypeCount + type) * CoverageBands.Count;
    }
}
