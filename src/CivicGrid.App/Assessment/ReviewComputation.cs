using CivicGrid.App.Data;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>A unit's place in a review as the pages list it.</summary>
public sealed record ReviewUnitRow(string UnitCode, string UnitName, decimal Total, int Stars, RatingColour Colour, int Rank, ListPlace List);

/// <summary>One computed unit: its row and the score with its lines.</summary>
public sealed record ComputedUnit(ReviewUnitRow Row, UnitScore Score);

/// <summary>
/// Scores every unit of the scheme's level in the caller's subtree for a period: the figures (one grouped read per
/// source), the adjustments recorded for the scheme and period, the score sheet and the ranking.
/// </summary>
public sealed class ReviewComputation(CivicGridDbContext db, AssessmentFigures figures)
{
    public async Task<IReadOnlyList<ComputedUnit>> ComputeAsync(int schemeId, AssessmentScheme scheme, ReviewPeriodKind kind, DateOnly start, CancellationToken ct)
    {
        var level = AssessmentFigures.UnitLevel(scheme.Level);
        var scope = db.Jurisdiction.ScopeCode;
        var units = await db.TerritoryNodes.AsNoTracking().Where(n => n.Level == level && n.Code.StartsWith(scope))
            .OrderBy(n => n.Code).Select(n => new { n.Code, n.Name }).ToDictionaryAsync(n => n.Code, n => n.Name, StringComparer.Ordinal, ct);
        // A month's adjustments count in its month's review and in its quarter's.
        var (first, last) = AssessmentReview.Days(kind, start);
        var adjustments = await db.AssessmentAdjustments.AsNoTracking().Where(a => a.SchemeId == schemeId && a.PeriodStart >= first && a.PeriodStart <= last)
            .OrderBy(a => a.Id).Select(a => new Adjustment(a.UnitCode, a.Points, a.Reason, a.Evidence)).ToListAsync(ct);
        var read = await figures.ReadAsync(scheme, units.Keys, kind, start, ct);
        var scores = units.Keys.Select(u => ScoreSheet.Score(scheme, u, read[u], adjustments)).ToList();
        return [.. Ranking.Rank(scheme, scores).Select(r => new ComputedUnit(
            new ReviewUnitRow(r.Score.UnitCode, units[r.Score.UnitCode], r.Score.Total, r.Score.Stars, r.Score.Colour, r.Rank, r.List), r.Score))];
    }

    /// <summary>The month before the current one (China time): what a preview is run against.</summary>
    public DateOnly LastMonth()
    {
        var today = db.Clock.Today();
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }
}
