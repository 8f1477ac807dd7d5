namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>One entry of a challenge's timeline: who moved it, when, and what they said.</summary>
public sealed class ChallengeEvent
{
    public long Id { get; set; }
    public int ChallengeId { get; set; }
    public DateTime At { get; set; }
    public ChallengeAction Action { get; set; }
    public ChallengeStatus To { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}
