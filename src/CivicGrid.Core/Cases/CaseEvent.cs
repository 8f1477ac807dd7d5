namespace CivicGrid.Core.Cases;

/// <summary>One entry of a case's timeline (办理轨迹): who did what, when, with what note and attachments.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public DateTime At { get; set; }
    public CaseAction Action { get; set; }
    public CaseStatus From { get; set; }
    public CaseStatus To { get; set; }
    public HandlingLevel Level { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
    /// <summary>What staff wrote for the public about this move; notes and rating comments never leave the loop.</summary>
    public string? PublicNote { get; set; }
    /// <summary>Ids of the stored photos or documents, comma-separated.</summary>
    public string? Attachments { get; set; }
}
