using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>A request to move a need, with what each kind of move needs; unused fields stay empty.</summary>
public sealed record NeedCommand(NeedAction Action, string Actor, string? Note = null)
{
    /// <summary>For a match on a credit line: the amount to hold, when less than the need asked for.</summary>
    public Money? Amount { get; init; }
    public NeedOutcome? Outcome { get; init; }
    /// <summary>The loan actually granted, for an outcome on a credit line.</summary>
    public Money? Granted { get; init; }
    public NeedRating? Rating { get; init; }
    /// <summary>The case the need was handed to, for an escalation.</summary>
    public int? CaseId { get; init; }
}

/// <summary>
/// What a move is judged against: the time, the offer the move matches to or gives back to (a match, a release, an
/// outcome or withdrawal of a matched need) and the enterprise whose size and industry the offer must fit.
/// </summary>
public sealed record NeedContext(DateTime NowUtc, CommunityOffer? Offer = null, Enterprise? Enterprise = null);
