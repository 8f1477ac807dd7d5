using System.Globalization;
using CivicGrid.App.Data;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// The units' standing in the published reviews of a month, for the cockpit to colour them by: the month's own review,
/// or, for a unit that has none, the review of the quarter the month is in.
/// </summary>
public sealed record PublishedRatings(string Month, IReadOnlyCollection<string> Units);

/// <summary>A unit's total, stars and colour in the newest published review of its month (a correction supersedes the review it corrects).</summary>
public sealed record PublishedRating(int ReviewId, string SchemeName, decimal Total, int Stars, RatingColour Colour, ReviewPeriodKind Kind = ReviewPeriodKind.Monthly);

public sealed class PublishedRatingsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyDictionary<string, PublishedRating>> HandleAsync(PublishedRatings query, CancellationToken ct)
    {
        var start = DateOnly.ParseExact(query.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var quarter = AssessmentReview.QuarterStart(start);
        var units = query.Units.ToList();
        var rows = await (from u in db.AssessmentResults.AsNoTracking()
                          join r in db.AssessmentReviews.AsNoTracking() on u.ReviewId equals r.Id
                          join v in db.AssessmentSchemeVersions.AsNoTracking() on r.SchemeVersionId equals v.Id
                          join s in db.AssessmentSchemes.AsNoTracking() on v.SchemeId equals s.Id
                          where r.Status == ReviewStatus.Published && units.Contains(u.UnitCode)
                                && ((r.PeriodKind == ReviewPeriodKind.Monthly && r.PeriodStart == start) || (r.PeriodKind == ReviewPeriodKind.Quarterly && r.PeriodStart == quarter))
                          select new { u.UnitCode, r.Id, r.PeriodKind, r.PublishedAt, s.Name, u.Total, u.Stars, u.Colour }).ToListAsync(ct);
        return rows.GroupBy(x => x.UnitCode).ToDictionary(g => g.Key, g =>
        {
            var newest = g.OrderBy(x => x.PeriodKind).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id).First();
            return new PublishedRating(newest.Id, newest.Name, newest.Total, newest.Stars, newest.Colour, newest.PeriodKind);
        });
    }
}
