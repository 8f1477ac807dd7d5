namespace CivicGrid.Core.Territory;

/// <summary>A business community (商务社区): an overlay on the tree, a named set of office buildings in one street.</summary>
public sealed class BusinessCommunity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string StreetCode { get; set; }
    public List<Building> Buildings { get; set; } = [];
}
