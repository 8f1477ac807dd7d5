namespace CivicGrid.Core.Enterprises;

/// <summary>An enterprise (企业) with its office in a building of the district.</summary>
public sealed class Enterprise
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CreditCode { get; set; }
    public int? BuildingId { get; set; }
    public Territory.Building? Building { get; set; }
    public required string GridCode { get; set; }
    public int? Floor { get; set; }
    public required string Industry { get; set; }
    public int EmployeeCount { get; set; }
    /// <summary>重点税源企业.</summary>
    public bool IsKeyTaxSource { get; set; }
    public required string RegisteredAddress { get; set; }
    public required string OfficeAddress { get; set; }
    /// <summary>Whether registered and office addresses agree (注册地址与办公地址一致).</summary>
    public bool AddressesAligned => RegisteredAddress == OfficeAddress;
}
