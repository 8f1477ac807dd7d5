using CivicGrid.App.Territory;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>Of an area's households, the shares (0–1) within 5, 10 and 15 minutes' walk; null shares for an area without households.</summary>
public sealed record CoverageShares(int Households, double? WithinFive, double? WithinTen, double? WithinFifteen);

/// <summary>One facility type over the whole area asked about.</summary>
public sealed record TypeCoverage(string Code, string Name, int Facilities, CoverageShares Shares);

/// <summary>One facility type in one grid, or in one child area of the area asked about.</summary>
public sealed record AreaCoverage(string Code, string Name, string TypeCode, string TypeName, CoverageShares Shares);

/// <summary>The walking model in force, with the straight-line reach of each band.</summary>
public sealed record WalkingMethod(double DetourFactor, double MetresPerMinute, double FiveMinuteMetres, double TenMinuteMetres, double FifteenMinuteMetres);

/// <summary>
/// The 15-minute coverage of an area: per facility type, per child area and per grid, the grids with gaps worst first,
/// and the service floor area per hundred households. <see cref="TypeCode"/> null means every type.
/// </summary>
public sealed record CoverageReport(
    NodeRef Node, NodeRef? Parent, WalkingMethod Method, double GapThreshold, string? TypeCode,
    IReadOnlyList<TypeCoverage> Types, IReadOnlyList<AreaCoverage> Children, IReadOnlyList<AreaCoverage> Grids, IReadOnlyList<AreaCoverage> Gaps,
    int Households, double FloorArea, double? FloorAreaPerHundredHouseholds, DateTimeOffset ComputedAt, string Version);

/// <summary>A building's households on the map with their band (0 ≤5, 1 ≤10, 2 ≤15 minutes, 3 beyond).</summary>
public sealed record LayerPoint(double Latitude, double Longitude, int Households, int Band);

public sealed record LayerFacility(int Id, string Name, double Latitude, double Longitude);

/// <summary>The households of one community or grid coloured by band for one type, and that type's facilities within reach.</summary>
public sealed record CoverageLayer(string NodeCode, string TypeCode, string TypeName, IReadOnlyList<LayerPoint> Households, IReadOnlyList<LayerFacility> Facilities);
