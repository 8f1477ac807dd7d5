namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>
/// The band of every household for every facility type, household-major (<c>Bands[household * TypeCount + type]</c>
/// holds a <see cref="CoverageBand"/>), and the per-grid counts.
/// </summary>
public sealed class CoverageResult(byte[] bands, int typeCount, GridCoverage grids)
{
    public byte[] Bands { get; } = bands;
    public int TypeCount { get; } = typeCount;
    public GridCoverage Grids { get; } = grids;

    public CoverageBand BandOf(int household, int type) => (CoverageBand)Bands[household * TypeCount + type];
}
