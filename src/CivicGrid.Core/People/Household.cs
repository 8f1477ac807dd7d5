namespace CivicGrid.Core.People;

/// <summary>A household (户) living in one room of a building.</summary>
public sealed class Household
{
    public int Id { get; set; }
    /// <summary>The building code, a dash and the room: stable across imports.</summary>
    public required string Code { get; set; }
    public int BuildingId { get; set; }
    public Territory.Building? Building { get; set; }
    public required string GridCode { get; set; }
    public required string Room { get; set; }
    public required string Address { get; set; }
    public List<Resident> Members { get; set; } = [];

    public static string CodeFor(string buildingCode, string room) => $"{buildingCode}-{room}";
}
