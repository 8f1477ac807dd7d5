namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>A facility as a list shows it.</summary>
public sealed record FacilityRow(
    int Id, string Name, string TypeCode, string TypeName, string GridCode, string GridName, string Address,
    double Latitude, double Longitude, double FloorArea, int? Capacity, string OpeningHours);

/// <summary>A service delivered at a facility.</summary>
public sealed record FacilityServiceView(int Id, string Code, string Name, string Theme);

/// <summary>A facility with the services it offers and how many of its places are taken.</summary>
public sealed record FacilityDetail(
    int Id, string Name, string TypeCode, string TypeName, bool HasPlaces, string GridCode, string GridName, string Address,
    double Latitude, double Longitude, double FloorArea, int? Capacity, int Occupied, string OpeningHours, string Operator,
    IReadOnlyList<FacilityServiceView> Services, bool MayEdit);

public sealed record FacilityTypeView(string Code, string Name, bool HasPlaces, int SortOrder, int Facilities);
