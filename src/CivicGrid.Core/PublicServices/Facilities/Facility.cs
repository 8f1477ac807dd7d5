using CivicGrid.Core.PublicServices.Catalogue;

namespace CivicGrid.Core.PublicServices.Facilities;

/// <summary>A service position (阵地): a place in a grid where services are delivered, some with places or beds.</summary>
public sealed class Facility
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TypeCode { get; set; }
    public FacilityType? Type { get; set; }
    public required string GridCode { get; set; }
    public required string Address { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>Floor area in m², counted in the service space per 100 households.</summary>
    public double FloorArea { get; set; }
    /// <summary>Places or beds, for types that have them.</summary>
    public int? Capacity { get; set; }
    /// <summary>Opening hours as shown to residents, e.g. "周一至周五 08:30-17:00".</summary>
    public required string OpeningHours { get; set; }
    public required string Operator { get; set; }
    public List<ServiceItem> Services { get; set; } = [];
}
