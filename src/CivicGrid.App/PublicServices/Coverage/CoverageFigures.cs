using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>Adds a snapshot's per-grid counts up over a set of grids.</summary>
internal static class CoverageFigures
{
    public static CoverageShares Shares(CoverageSnapshot snapshot, IReadOnlyCollection<int> grids, int type)
    {
        var counts = snapshot.Result.Grids;
        var households = grids.Sum(counts.Households);
        double? Share(CoverageBand band) => households == 0 ? null : (double)grids.Sum(g => counts.CountWithin(g, type, band)) / households;
        return new CoverageShares(households, Share(CoverageBand.WithinFive), Share(CoverageBand.WithinTen), Share(CoverageBand.WithinFifteen));
    }

    public static WalkingMethod Method(WalkingModel walking) =>
        new(walking.DetourFactor, walking.MetresPerMinute, walking.StraightLineMetres(5), walking.StraightLineMetres(10), walking.StraightLineMetres(15));

    /// <summary>Worst first: the lowest share within 15 minutes, then the most households, then by code.</summary>
    public static List<AreaCoverage> Gaps(IEnumerable<AreaCoverage> grids, double threshold) =>
        grids.Where(g => g.Shares.WithinFifteen < threshold)
            .OrderBy(g => g.Shares.WithinFifteen).ThenByDescending(g => g.Shares.Households)
            .ThenBy(g => g.Code, StringComparer.Ordinal).ThenBy(g => g.TypeCode, StringComparer.Ordinal)
            .ToList();
}
