namespace CivicGrid.App.Territory;

public sealed record NodeRef(string Code, string Name, string Level);

public sealed record NodeStats(int Grids, int Buildings, int Households, int Residents, int Enterprises);

public sealed record ChildNode(string Code, string Name, string Level, int Residents, int Households);

public sealed record TerritoryNodeView(
    string Code, string Name, string Level, IReadOnlyList<NodeRef> Ancestors, IReadOnlyList<ChildNode> Children,
    NodeStats Stats, double? CentreLatitude, double? CentreLongitude);

public sealed record BuildingRow(int Id, string Code, string Name, string Address, bool IsOffice, int Households, double Latitude, double Longitude);

public sealed record HouseholdRow(int Id, string Code, string Address, string Room, int Members, string? Head);
