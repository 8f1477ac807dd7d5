namespace CivicGrid.Core.Hotspots;

/// <summary>
/// The proactive task opened for a hotspot (未诉先办任务): a case of the hotspot's item at its centre, in the grid
/// most of its cases are in, so the grid's worker goes before residents call again. A hotspot of the same item and
/// grid opens no second task while this one's case is open.
/// </summary>
public sealed class HotspotTask
{
    public int Id { get; set; }
    public required string ItemCode { get; set; }
    public required string GridCode { get; set; }
    /// <summary>The case in the one loop that carries the task.</summary>
    public int CaseId { get; set; }
    /// <summary>How many cases the hotspot held when the task was opened.</summary>
    public int CaseCount { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTime OpenedAt { get; set; }
}
