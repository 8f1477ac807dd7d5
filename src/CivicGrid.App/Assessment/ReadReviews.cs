using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>The reviews the caller may see: every one for the district's administrators, the published ones for the rest.</summary>
public sealed record ListReviews;

/// <summary>One review: its units in rank order within the caller's reach, the 红黄黑榜 and the objections.</summary>
public sealed record GetReview(int ReviewId);

/// <summary>One unit's result explained: each line's indicator, figure and points, the adjustments and its objections.</summary>
public sealed record GetUnitResult(int ReviewId, string UnitCode);

/// <summary>The published results of the unit the caller works in (本单位星级), newest first.</summary>
public sealed record MyResults;

public sealed record ReviewRow(int Id, int SchemeId, string SchemeName, int Version, AssessedLevel Level, ReviewPeriodKind Kind, DateOnly PeriodStart,
    ReviewStatus Status, int? CorrectsReviewId, string ComputedBy, DateTime ComputedAt, DateTime? PublishedAt);

public sealed record ObjectionRow(int Id, string UnitCode, string UnitName, string Reason, string FiledBy, DateTime FiledAt, ObjectionStatus Status,
    string? Reply, string? AnsweredBy, DateTime? AnsweredAt);

public sealed record ReviewView(ReviewRow Review, IReadOnlyList<ReviewUnitRow> Units, IReadOnlyList<ObjectionRow> Objections, bool MayPublish, bool MayAnswer);

public sealed record UnitResultView(ReviewRow Review, ReviewUnitRow Unit, StoredLines Explanation, string FromMonth, string ToMonth,
    IReadOnlyList<ObjectionRow> Objections, bool MayObject, bool MayAnswer)
{
    /// <summary>The lines and adjustments add up to the score (before the floor at zero).</summary>
    public decimal LinesTotal => Explanation.Lines.Sum(l => l.Points) + Explanation.Adjustments.Sum(a => a.Points);
}

public sealed record MyResultRow(ReviewRow Review, ReviewUnitRow Unit, int Units);

/// <summary>What every read of reviews shares: who sees drafts and which units lie within the caller's reach.</summary>
internal static class ReviewReach
{
    public static bool SeesDrafts(CivicGridDbContext db) => db.Jurisdiction.Role.May(Permission.AdministerDistrict);

    /// <summary>A unit within the caller's subtree, or the unit the caller works in.</summary>
    public static bool Reaches(CivicGridDbContext db, string unit) =>
        unit.StartsWith(db.Jurisdiction.ScopeCode, StringComparison.Ordinal) || db.Jurisdiction.ScopeCode.StartsWith(unit, StringComparison.Ordinal);

    /// <summary>The reviews the caller may see, newest period first, filtered before they are projected (EF cannot filter a record built by its constructor).</summary>
    public static IQueryable<ReviewRow> Rows(CivicGridDbContext db, Expression<Func<AssessmentReview, bool>> filter)
    {
        var drafts = SeesDrafts(db);
        return from r in db.AssessmentReviews.AsNoTracking().Where(filter)
               join v in db.AssessmentSchemeVersions.AsNoTracking() on r.SchemeVersionId equals v.Id
               join s in db.AssessmentSchemes.AsNoTracking() on v.SchemeId equals s.Id
               where drafts || r.Status == ReviewStatus.Published
               orderby r.PeriodStart descending, r.Id descending
               select new ReviewRow(r.Id, s.Id, s.Name, v.Version, s.Level, r.PeriodKind, r.PeriodStart, r.Status, r.CorrectsReviewId, r.ComputedBy, r.ComputedAt, r.PublishedAt);
    }

    public static ReviewUnitRow Row(ReviewResult r) => new(r.UnitCode, r.UnitName, r.Total, r.Stars, r.Colour, r.Rank, r.List);

    public static async Task<List<ObjectionRow>> ObjectionsAsync(CivicGridDbContext db, int reviewId, string? unit, CancellationToken ct)
    {
        var rows = await (from o in db.AssessmentObjections.AsNoTracking()
                          join u in db.AssessmentResults.AsNoTracking() on new { o.ReviewId, o.UnitCode } equals new { u.ReviewId, u.UnitCode }
                          where o.ReviewId == reviewId && (unit == null || o.UnitCode == unit)
                          orderby o.Id
                          select new ObjectionRow(o.Id, o.UnitCode, u.UnitName, o.Reason, o.FiledBy, o.FiledAt, o.Status, o.Reply, o.AnsweredBy, o.AnsweredAt)).ToListAsync(ct);
        return rows.FindAll(o => Reaches(db, o.UnitCode));
    }

    public static bool MaySee(CivicGridDbContext db) => db.Jurisdiction.Role.May(Permission.SeeIndicators);
}

public sealed class ListReviewsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ReviewRow>>> HandleAsync(ListReviews query, CancellationToken ct)
    {
        if (!ReviewReach.MaySee(db))
        {
            return Outcome<IReadOnlyList<ReviewRow>>.Forbidden("无权查看考核结果");
        }
        var rows = await ReviewReach.Rows(db, r => true).Take(200).ToListAsync(ct);
        return Outcome<IReadOnlyList<ReviewRow>>.Ok(rows);
    }
}

public sealed class GetReviewHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ReviewView>> HandleAsync(GetReview query, CancellationToken ct)
    {
        if (!ReviewReach.MaySee(db))
        {
            return Outcome<ReviewView>.Forbidden("无权查看考核结果");
        }
        if (await ReviewReach.Rows(db, r => r.Id == query.ReviewId).FirstOrDefaultAsync(ct) is not { } review)
        {
            return Outcome<ReviewView>.NotFound();
        }
        var results = await db.AssessmentResults.AsNoTracking().Where(r => r.ReviewId == review.Id).OrderBy(r => r.Rank).ThenBy(r => r.UnitCode).ToListAsync(ct);
        var units = results.Where(r => ReviewReach.Reaches(db, r.UnitCode)).Select(ReviewReach.Row).ToList();
        var district = ReviewReach.SeesDrafts(db);
        return Outcome<ReviewView>.Ok(new ReviewView(review, units, await ReviewReach.ObjectionsAsync(db, review.Id, null, ct),
            district && review.Status == ReviewStatus.Draft, district && review.Status == ReviewStatus.Published));
    }
}

public sealed class GetUnitResultHandler(CivicGridDbContext db)
{
    public async Task<Outcome<UnitResultView>> HandleAsync(GetUnitResult query, CancellationToken ct)
    {
        if (!ReviewReach.MaySee(db))
        {
            return Outcome<UnitResultView>.Forbidden("无权查看考核结果");
        }
        var review = await ReviewReach.Rows(db, r => r.Id == query.ReviewId).FirstOrDefaultAsync(ct);
        var result = review is null ? null
            : await db.AssessmentResults.AsNoTracking().FirstOrDefaultAsync(r => r.ReviewId == review.Id && r.UnitCode == query.UnitCode, ct);
        if (review is null || result is null || !ReviewReach.Reaches(db, result.UnitCode))
        {
            return Outcome<UnitResultView>.NotFound();
        }
        var objections = await ReviewReach.ObjectionsAsync(db, review.Id, result.UnitCode, ct);
        var (from, to) = AssessmentFigures.Months(review.Kind, review.PeriodStart);
        var mayObject = FileObjectionHandler.MayFile(db, result.UnitCode) && review.Status == ReviewStatus.Published
            && objections.All(o => o.Status != ObjectionStatus.Open) && db.Clock.GetUtcNow().UtcDateTime <= review.PublishedAt!.Value.AddDays(ReviewObjection.FilingDays);
        return Outcome<UnitResultView>.Ok(new UnitResultView(review, ReviewReach.Row(result), SchemeJson.ReadLines(result.Lines), from, to, objections,
            mayObject, ReviewReach.SeesDrafts(db) && review.Status == ReviewStatus.Published));
    }
}

public sealed class MyResultsHandler(CivicGridDbContext db)
{
    private static readonly int[] UnitLengths = [9, 12];

    public async Task<Outcome<IReadOnlyList<MyResultRow>>> HandleAsync(MyResults query, CancellationToken ct)
    {
        if (!ReviewReach.MaySee(db))
        {
            return Outcome<IReadOnlyList<MyResultRow>>.Forbidden("无权查看考核结果");
        }
        var scope = db.Jurisdiction.ScopeCode;
        // The units the caller works in: the community (or street) whose code starts the caller's own.
        var units = UnitLengths.Where(n => scope.Length >= n).Select(n => scope[..n]).ToList();
        var results = await db.AssessmentResults.AsNoTracking().Where(u => units.Contains(u.UnitCode)).ToListAsync(ct);
        var ids = results.Select(u => u.ReviewId).Distinct().ToList();
        var reviews = await ReviewReach.Rows(db, r => ids.Contains(r.Id) && r.Status == ReviewStatus.Published).Take(100).ToListAsync(ct);
        var counts = await db.AssessmentResults.AsNoTracking().Where(u => ids.Contains(u.ReviewId)).GroupBy(u => u.ReviewId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Outcome<IReadOnlyList<MyResultRow>>.Ok([.. reviews.SelectMany(r => results.Where(u => u.ReviewId == r.Id)
            .Select(u => new MyResultRow(r, ReviewReach.Row(u), counts.GetValueOrDefault(r.Id))))]);
    }
}
