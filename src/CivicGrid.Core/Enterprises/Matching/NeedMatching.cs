using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>
/// Suggests community offers for enterprises' open needs (供需匹配). An offer fits a need when it serves the need's
/// category, has room for what the need asks (places, or the amount on a credit line) and is meant for the
/// enterprise's size and industry; fitting offers are ranked by <see cref="MatchWeights"/>. Suggestions are for staff
/// to confirm; confirming goes through the need's own guards.
/// </summary>
public static class NeedMatching
{
    /// <summary>
    /// One suggestion per need, the oldest need first (first raised, first served), each taking its best fitting offer
    /// from what the needs before it left: the batch never holds more than an offer has, so several needs competing
    /// for a few places or a line's last millions get at most what there is, and the rest are listed as unmatched.
    /// </summary>
    public static MatchBatch Suggest(IReadOnlyList<MatchNeed> needs, IReadOnlyList<MatchOffer> offers, MatchWeights? weights = null)
    {
        var table = new OfferTable(offers, weights ?? MatchWeights.Default, Reference(needs, offers));
        var suggestions = new List<MatchSuggestion>(needs.Count);
        var unmatched = new List<int>();
        foreach (var need in needs.OrderBy(n => n.RaisedAt).ThenBy(n => n.NeedId))
        {
            var placed = table.Place(need);
            var best = Best(table, placed);
            if (best < 0)
            {
                unmatched.Add(need.NeedId);
                continue;
            }
            suggestions.Add(MatchExplanation.Suggest(table, best, placed));
            table.Take(best, placed);
        }
        return new MatchBatch(suggestions, unmatched);
    }

    /// <summary>The best <paramref name="top"/> offers for one need, each with room for it as things stand, best first.</summary>
    public static IReadOnlyList<MatchSuggestion> Rank(MatchNeed need, IReadOnlyList<MatchOffer> offers, int top = 5, MatchWeights? weights = null)
    {
        var table = new OfferTable(offers, weights ?? MatchWeights.Default, Reference([need], offers));
        var placed = table.Place(need);
        return table.Serving(need.CategoryCode)
            .Where(i => table.Fits(i, placed))
            .Select(i => (Index: i, Score: table.Score(i, placed, out var distance), Distance: distance))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => offers[c.Index].OfferId)
            .Take(top)
            .Select(c => MatchExplanation.Suggest(table, c.Index, placed))
            .ToList();
    }

    private static int Best(OfferTable table, in PlacedNeed need)
    {
        var best = -1;
        var bestScore = int.MinValue;
        var bestDistance = double.PositiveInfinity;
        foreach (var offer in table.Serving(need.Need.CategoryCode))
        {
            if (!table.Fits(offer, need))
            {
                continue;
            }
            var score = table.Score(offer, need, out var distance);
            // Offers come in id order, so among equals the nearer and then the older offer wins.
            if (score > bestScore || (score == bestScore && distance < bestDistance))
            {
                (best, bestScore, bestDistance) = (offer, score, distance);
            }
        }
        return best;
    }

    /// <summary>Any point of the district centres the flat projection well enough; distances inside a district are off by under 0.1 %.</summary>
    private static GeoPoint Reference(IReadOnlyList<MatchNeed> needs, IReadOnlyList<MatchOffer> offers) =>
        offers.Select(o => o.Location).Concat(needs.Select(n => n.Location)).FirstOrDefault(p => p is not null) ?? new GeoPoint(30.3, 120.15);
}
