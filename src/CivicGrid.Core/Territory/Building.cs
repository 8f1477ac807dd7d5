namespace CivicGrid.Core.Territory;

/// <summary>A building (楼栋) placed as a point in one grid; office buildings (商务楼宇) may belong to a business community.</summary>
public sealed class Building
{
    public int Id { get; set; }
    /// <summary>The grid code, a dash and a 3-digit sequence: stable across imports.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string GridCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int Floors { get; set; }
    public bool IsOffice { get; set; }
    public int? BusinessCommunityId { get; set; }
    public BusinessCommunity? BusinessCommunity { get; set; }

    public static string CodeFor(string gridCode, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{gridCode}-{sequence:D3}");
}
