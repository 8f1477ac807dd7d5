namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>One entry of a need's timeline (办理轨迹), which the enterprise follows.</summary>
public sealed class NeedEvent
{
    public long Id { get; set; }
    public int NeedId { get; set; }
    public DateTime At { get; set; }
    public NeedAction Action { get; set; }
    public NeedStatus From { get; set; }
    public NeedStatus To { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
    public int? OfferId { get; set; }
    /// <summary>The amount the move held, granted or gave back, when it touched a credit line.</summary>
    public Money? Amount { get; set; }
}
