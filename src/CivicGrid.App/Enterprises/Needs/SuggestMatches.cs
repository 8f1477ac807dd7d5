using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Enterprises.Matching;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>
/// Suggests offers for the raised needs in the jurisdiction (供需匹配建议): for one need, its best offers ranked; for all
/// of them (optionally one business community's), one offer each, oldest need first. Nothing is held until staff confirm.
/// </summary>
public sealed record SuggestMatches(int? NeedId = null, int Top = 5);

public sealed record MatchSuggestions(IReadOnlyList<MatchSuggestion> Suggestions, IReadOnlyList<int> Unmatched);

public sealed class SuggestMatchesHandler(CivicGridDbContext db, MatchWeights weights)
{
    public async Task<Outcome<MatchSuggestions>> HandleAsync(SuggestMatches query, CancellationToken ct)
    {
        var raised = db.EnterpriseNeeds.AsNoTracking().Where(n => n.Status == NeedStatus.Raised);
        if (query.NeedId is { } id)
        {
            raised = raised.Where(n => n.Id == id);
        }
        var needs = await MatchNeedsAsync(raised, ct);
        if (query.NeedId is not null && needs.Count == 0)
        {
            return Outcome<MatchSuggestions>.NotFound();
        }
        var offers = (await OffersInScope.Of(db).AsNoTracking().Where(o => o.Active).OrderBy(o => o.Id).ToListAsync(ct))
            .Select(MatchOffer.From).ToList();
        if (query.NeedId is not null)
        {
            var ranked = NeedMatching.Rank(needs[0], offers, Math.Clamp(query.Top, 1, 20), weights);
            return Outcome<MatchSuggestions>.Ok(new MatchSuggestions(ranked, ranked.Count == 0 ? [needs[0].NeedId] : []));
        }
        var batch = NeedMatching.Suggest(needs, offers, weights);
        return Outcome<MatchSuggestions>.Ok(new MatchSuggestions(batch.Suggestions, batch.Unmatched));
    }

    private async Task<List<MatchNeed>> MatchNeedsAsync(IQueryable<EnterpriseNeed> raised, CancellationToken ct)
    {
        var rows = await raised
            .Join(db.Enterprises.AsNoTracking(), n => n.EnterpriseId, e => e.Id, (n, e) => new { Need = n, Enterprise = e })
            .ToListAsync(ct);
        var categories = await db.NeedCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var buildingIds = rows.Select(r => r.Need.BuildingId ?? r.Enterprise.BuildingId).OfType<int>().Distinct().ToList();
        // A need may name a building outside the jurisdiction (a space wanted elsewhere); the map is public.
        var buildings = await db.PublicGeography().Buildings.AsNoTracking().Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return rows.Select(r => MatchNeed.From(r.Need, categories[r.Need.CategoryCode], r.Enterprise,
                (r.Need.BuildingId ?? r.Enterprise.BuildingId) is { } b ? buildings.GetValueOrDefault(b) : null))
            .ToList();
    }
}
