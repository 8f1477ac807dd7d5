namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>What an enterprise (or a runner or staff for it) fills in to raise a need.</summary>
public sealed record NeedRequest(int EnterpriseId, string CategoryCode, string Description, NeedSource Source = NeedSource.Enterprise)
{
    /// <summary>The amount asked for, for a category that <see cref="NeedCategory.TakesAmount"/>.</summary>
    public Money? Amount { get; init; }
    /// <summary>How many places, seats or cards; 1 for most needs.</summary>
    public int Quantity { get; init; } = 1;
    /// <summary>Where the need is, when not the enterprise's own building (a space wanted elsewhere).</summary>
    public int? BuildingId { get; init; }
    /// <summary>The sweep visit it was found on.</summary>
    public int? VisitId { get; init; }

    public const int MaxDescriptionLength = 500;
    public const int MaxQuantity = 10_000;
}
