namespace CivicGrid.Core.PublicServices;

/// <summary>A visit the grid worker owes a resident (走访任务), e.g. to deliver a newly due service in person.</summary>
public sealed class VisitTask
{
    public int Id { get; set; }
    public required string GridCode { get; set; }
    public int ResidentId { get; set; }
    public int? ServiceItemId { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public string? Note { get; set; }
}
