namespace CivicGrid.Core.Cases;

/// <summary>One of the think-tank groups deliberation participants come from (议事智囊团), kept as editable data.</summary>
public sealed class ThinkTankGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}
