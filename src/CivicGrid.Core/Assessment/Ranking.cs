namespace CivicGrid.Core.Assessment;

/// <summary>Which list of the period (红黄黑榜) a unit is on, if any.</summary>
public enum ListPlace
{
    None,
    Honour,
    Warning,
    Black,
}

public sealed record RankedUnit(UnitScore Score, int Rank, ListPlace List);

/// <summary>
/// Ranks the units of one review (排名): higher total first, equal totals share a rank (1, 2, 2, 4). The honour list
/// (红榜) names the green units ranked within its size from the top, the black list (黑榜) the red units within its
/// size from the bottom, ties included; the warning list (黄榜) the others in the yellow band. A unit is on one list at
/// most, the honour list first. A list names only units of its colour: when every unit is green, none is blacklisted
/// for coming last.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedUnit> Rank(AssessmentScheme scheme, IEnumerable<UnitScore> scores)
    {
        var ordered = scores.OrderByDescending(s => s.Total).ThenBy(s => s.UnitCode, StringComparer.Ordinal).ToList();
        var ranks = new int[ordered.Count];
        var fromBottom = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[i] = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ranks[i - 1] : i + 1;
        }
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            fromBottom[i] = i < ordered.Count - 1 && ordered[i].Total == ordered[i + 1].Total ? fromBottom[i + 1] : ordered.Count - i;
        }
        return [.. ordered.Select((s, i) => new RankedUnit(s, ranks[i], Place(scheme, s, ranks[i], fromBottom[i])))];
    }

    private static ListPlace Place(AssessmentScheme scheme, UnitScore score, int rank, int fromBottom) =>
        rank <= scheme.HonourListSize && score.Colour == RatingColour.Green ? ListPlace.Honour
        : fromBottom <= scheme.BlackListSize && score.Colour == RatingColour.Red ? ListPlace.Black
        : score.Colour == RatingColour.Yellow ? ListPlace.Warning
        : ListPlace.None;
}
