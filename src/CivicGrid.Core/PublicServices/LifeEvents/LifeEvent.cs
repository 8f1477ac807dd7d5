namespace CivicGrid.Core.PublicServices.LifeEvents;

/// <summary>A recorded (or date-derived) life event of one resident, with the one-step bundle (一件事) it opened.</summary>
public sealed class LifeEvent
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public required string GridCode { get; set; }
    public LifeEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    /// <summary>Found by the daily sweep from birth dates rather than recorded by a person.</summary>
    public bool Derived { get; set; }
    public DateTime? BundleAcceptedAt { get; set; }
    public string? BundleAcceptedBy { get; set; }
}
