using CivicGrid.Core.People;

namespace CivicGrid.Core.Demo;

public sealed record DemoBuilding(
    string Code, string Name, string Address, string GridCode, double Latitude, double Longitude,
    int Floors, bool IsOffice, string? BusinessCommunity);

public sealed record DemoHousehold(string Code, string BuildingCode, string Room);

public sealed record DemoPerson(
    string Name, string IdNumber, string? Phone, ResidenceType ResidenceType, DateOnly? MoveInDate,
    string HouseholdCode, HouseholdRelation Relation, IReadOnlyList<string> Tags);

public sealed record DemoEnterprise(
    string Name, string CreditCode, string BuildingCode, int Floor, string Industry, int EmployeeCount,
    bool IsKeyTaxSource, string RegisteredAddress, string OfficeAddress);

/// <summary>The buildings, households and people of one grid.</summary>
public sealed record DemoGridPopulation(
    string GridCode, IReadOnlyList<DemoBuilding> Buildings, IReadOnlyList<DemoHousehold> Households,
    IReadOnlyList<DemoPerson> People);
