namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>The factors a suggestion is scored on (匹配因素).</summary>
public enum MatchFactor
{
    Category,
    SameBuilding,
    SameBusinessCommunity,
    Distance,
    DistrictWide,
    Room,
    Size,
    Industry,
}

/// <summary>One reason a suggestion was made: the factor (its <see cref="Code"/> is stable), the points it gave and why, in Chinese.</summary>
public sealed record MatchReason(MatchFactor Factor, int Points, string Text)
{
    public string Code => Factor switch
    {
        MatchFactor.Category => "category",
        MatchFactor.SameBuilding => "same-building",
        MatchFactor.SameBusinessCommunity => "same-business-community",
        MatchFactor.Distance => "distance",
        MatchFactor.DistrictWide => "district-wide",
        MatchFactor.Room => "room",
        MatchFactor.Size => "size",
        _ => "industry",
    };
}

/// <summary>
/// An offer suggested for a need (匹配建议): its score (the sum of its reasons' points), the reasons, and what confirming
/// it would take from the offer.
/// </summary>
public sealed record MatchSuggestion(int NeedId, int OfferId, int Score, int Places, Money Amount, double? DistanceMetres, IReadOnlyList<MatchReason> Reasons);

/// <summary>A batch of suggestions, at most one per need and never more than any offer has left, and the needs no offer could take.</summary>
public sealed record MatchBatch(IReadOnlyList<MatchSuggestion> Suggestions, IReadOnlyList<int> Unmatched);
