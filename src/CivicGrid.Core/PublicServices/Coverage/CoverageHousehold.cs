namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>A household's position and the index of the grid it belongs to.</summary>
public readonly record struct CoverageHousehold(int GridIndex, double Latitude, double Longitude);
