namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>
/// A category of what enterprises need (企业所需类别), kept as data so a business community can add its own.
/// <see cref="TakesAmount"/> marks the categories asked for in money (financing), whose matches draw on a credit line.
/// </summary>
public sealed class NeedCategory
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool TakesAmount { get; set; }
    public bool Active { get; set; } = true;
}
