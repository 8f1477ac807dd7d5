using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Geography;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>An open need as matching sees it: its category, the enterprise's size and industry, where it is, what it asks for.</summary>
public sealed record MatchNeed(
    int NeedId, string CategoryCode, string CategoryName, int Employees, string Industry,
    int? BuildingId, int? BusinessCommunityId, GeoPoint? Location, int Places, Money? Amount, DateTime RaisedAt)
{
    /// <summary>The need at <paramref name="building"/>: its own place when it names one, else the enterprise's office.</summary>
    public static MatchNeed From(EnterpriseNeed need, NeedCategory category, Enterprise enterprise, Building? building) => new(
        need.Id, need.CategoryCode, category.Name, enterprise.EmployeeCount, enterprise.Industry,
        building?.Id, building?.BusinessCommunityId, building is null ? null : new GeoPoint(building.Latitude, building.Longitude),
        need.Quantity, need.RequestedAmount, need.RaisedAt);
}
