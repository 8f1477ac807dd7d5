using System.Globalization;
using CivicGrid.App.PublicServices.Facilities;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.PublicServices.Facilities.Pages;

/// <summary>
/// What the facility form posts. Numbers arrive as the text typed, so a value that is not a number is told to the
/// user next to its field instead of being dropped by form binding and the rest saved without it.
/// </summary>
public sealed class FacilityInput
{
    /// <summary>More beds or places than any one facility has; a longer number is a typing slip.</summary>
    private const int MaxCapacity = 100_000;

    public string? Name { get; set; }
    public string? TypeCode { get; set; }
    public string? GridCode { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? FloorArea { get; set; }
    public string? Capacity { get; set; }
    public string? OpeningHours { get; set; }
    public string? Operator { get; set; }
    /// <summary>Null when no box is ticked: form binding leaves an absent list unset.</summary>
    public List<string>? Services { get; set; }

    public static FacilityInput From(FacilityDetail f) => new()
    {
        Name = f.Name, TypeCode = f.TypeCode, GridCode = f.GridCode, Address = f.Address,
        Latitude = f.Latitude.ToString("0.000000", CultureInfo.InvariantCulture), Longitude = f.Longitude.ToString("0.000000", CultureInfo.InvariantCulture),
        FloorArea = f.FloorArea.ToString("0.##", CultureInfo.InvariantCulture), Capacity = f.Capacity?.ToString(CultureInfo.InvariantCulture),
        OpeningHours = f.OpeningHours, Operator = f.Operator, Services = f.Services.Select(s => s.Code).ToList(),
    };

    /// <summary>The request, or null with a Chinese reason per field when a number field holds something else.</summary>
    public FacilityRequest? ToRequest(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var latitude = FormValues.Decimal(Latitude, nameof(Latitude), "纬度", errors);
        var longitude = FormValues.Decimal(Longitude, nameof(Longitude), "经度", errors);
        var area = FormValues.Decimal(FloorArea, nameof(FloorArea), "面积（㎡）", errors);
        var capacity = FormValues.Integer(Capacity, nameof(Capacity), "床位或托位", errors, 0, MaxCapacity);
        return errors.Count > 0 ? null
            : new(Name, TypeCode, GridCode, Address, latitude, longitude, area, capacity, OpeningHours, Operator, Services ?? []);
    }
}
