namespace CivicGrid.Core.Cases;

/// <summary>
/// A resident following a public case of their community (关注诉求) to be told of its progress, as the one who raised it
/// is. Nobody follows their own case: they are told of it anyway.
/// </summary>
public sealed class CaseFollower
{
    public int CaseId { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
}
