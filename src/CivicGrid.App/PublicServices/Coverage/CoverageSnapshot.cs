using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.App.PublicServices.Coverage;

public sealed record CoverageType(string Code, string Name);

/// <summary>A building's households, which share its position and so its band; they are numbered from <see cref="First"/>.</summary>
public sealed record CoverageBuilding(int GridIndex, double Latitude, double Longitude, int Households, int First);

public sealed record CoverageFacilityPoint(int Id, string Name, int TypeIndex, string GridCode, double Latitude, double Longitude, double FloorArea)
{
    public CoverageFacility ToKernel() => new(TypeIndex, Latitude, Longitude, FloorArea);
}

/// <summary>
/// The coverage of the whole district for every facility type, computed once per version of the data it was computed
/// from; the reports for any area are read off it.
/// </summary>
public sealed record CoverageSnapshot(
    string Version, WalkingModel Walking, IReadOnlyList<CoverageType> Types, IReadOnlyList<string> GridCodes,
    IReadOnlyList<CoverageBuilding> Buildings, IReadOnlyList<CoverageFacilityPoint> Facilities, CoverageResult Result,
    DateTimeOffset ComputedAt, TimeSpan Took)
{
    /// <returns>-1 for a code that is not a type.</returns>
    public int TypeIndex(string code)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (Types[i].Code == code)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The indices of the grids under a node of the tree.</summary>
    public IEnumerable<int> GridsUnder(string nodeCode) =>
        Enumerable.Range(0, GridCodes.Count).Where(i => GridCodes[i].StartsWith(nodeCode, StringComparison.Ordinal));

    public CoverageBand BandOf(CoverageBuilding building, int type) => Result.BandOf(building.First, type);
}
