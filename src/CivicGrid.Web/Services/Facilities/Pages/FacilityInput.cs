using CivicGrid.App.Services.Facilities;

namespace CivicGrid.Web.Services.Facilities.Pages;

/// <summary>What the facility form posts.</summary>
public sealed class FacilityInput
{
    public string? Name { get; set; }
    public string? TypeCode { get; set; }
    public string? GridCode { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? FloorArea { get; set; }
    public int? Capacity { get; set; }
    public string? OpeningHours { get; set; }
    public string? Operator { get; set; }
    /// <summary>Null when no box is ticked: form binding leaves an absent list unset.</summary>
    public List<string>? Services { get; set; }

    public static FacilityInput From(FacilityDetail f) => new()
    {
        Name = f.Name, TypeCode = f.TypeCode, GridCode = f.GridCode, Address = f.Address, Latitude = f.Latitude,
        Longitude = f.Longitude, FloorArea = f.FloorArea, Capacity = f.Capacity, OpeningHours = f.OpeningHours,
        Operator = f.Operator, Services = f.Services.Select(s => s.Code).ToList(),
    };

    public FacilityRequest ToRequest() =>
        new(Name, TypeCode, GridCode, Address, Latitude, Longitude, FloorArea, Capacity, OpeningHours, Operator, Services ?? []);
}
