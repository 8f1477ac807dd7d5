namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>A facility with limited places (childcare places 托位, care beds) and how many of them are free.</summary>
public sealed record FacilityPlaces(int Id, double Lat, double Lon, int FreePlaces);
