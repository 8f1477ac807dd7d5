namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>A facility that serves one type of need (an elderly station, a canteen, a sports field …), by type index.</summary>
public readonly record struct CoverageFacility(int TypeIndex, double Latitude, double Longitude, double FloorArea);
