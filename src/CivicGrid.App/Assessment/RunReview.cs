using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>Runs a scheme's newest version (a draft, say) against last month without storing anything (预览).</summary>
public sealed record PreviewScheme(int SchemeId);

public sealed record PreviewView(int SchemeId, int Version, DateOnly PeriodStart, IReadOnlyList<ReviewUnitRow> Units);

/// <summary>
/// Runs the scheme's published version over a month or quarter: a draft review with each unit's score, stars, colour,
/// rank and lines. A draft of the same version and period is replaced; a published one is not, unless this run is a
/// correction naming it.
/// </summary>
public sealed record RunReview(int SchemeId, ReviewPeriodKind Kind, DateOnly PeriodStart, int? CorrectsReviewId = null);

/// <summary>Publishes a draft review; from then on it never changes.</summary>
public sealed record PublishReview(int ReviewId);

public sealed class PreviewSchemeHandler(CivicGridDbContext db, ReviewComputation computation)
{
    public async Task<Outcome<PreviewView>> HandleAsync(PreviewScheme query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<PreviewView>.Forbidden("只有区管理员可以预览考核方案");
        }
        var latest = await db.AssessmentSchemeVersions.AsNoTracking().Where(v => v.SchemeId == query.SchemeId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Outcome<PreviewView>.NotFound();
        }
        var scheme = latest.Scheme();
        var errors = SaveSchemeHandler.Refusals(scheme, publish: true);
        if (errors.Count > 0)
        {
            return Outcome<PreviewView>.Invalid(errors);
        }
        var month = computation.LastMonth();
        var units = await computation.ComputeAsync(query.SchemeId, scheme, ReviewPeriodKind.Monthly, month, ct);
        return Outcome<PreviewView>.Ok(new PreviewView(query.SchemeId, latest.Version, month, [.. units.Select(u => u.Row)]));
    }
}

public sealed class RunReviewHandler(CivicGridDbContext db, ReviewComputation computation)
{
    public async Task<Outcome<int>> HandleAsync(RunReview command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以生成考核结果");
        }
        var scheme = await db.AssessmentSchemes.AsNoTracking().Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == command.SchemeId, ct);
        if (scheme is null)
        {
            return Outcome<int>.NotFound();
        }
        if (scheme.Versions.FirstOrDefault(v => v.Version == scheme.PublishedVersion) is not { } version)
        {
            return Outcome<int>.Invalid("schemeId", "方案尚未发布，不能生成考核结果；请先预览并发布方案");
        }
        var period = Enum.IsDefined(command.Kind) ? AssessmentReview.PeriodRefusal(command.Kind, command.PeriodStart, db.Clock.Today()) : "请选择月度或季度考核";
        if (period is not null)
        {
            return Outcome<int>.Invalid("periodStart", period);
        }
        // Any version's review of the period counts: publishing a new version does not reopen a published month.
        var versions = scheme.Versions.Select(v => v.Id).ToList();
        var earlier = await db.AssessmentReviews
            .Where(r => versions.Contains(r.SchemeVersionId) && r.PeriodKind == command.Kind && r.PeriodStart == command.PeriodStart).ToListAsync(ct);
        if (await CorrectionRefusalAsync(command, earlier, ct) is { } refusal)
        {
            return Outcome<int>.Invalid("correctsReviewId", refusal);
        }
        var units = await computation.ComputeAsync(scheme.Id, version.Scheme(), command.Kind, command.PeriodStart, ct);
        db.AssessmentReviews.RemoveRange(earlier.Where(r => r.Status == ReviewStatus.Draft));
        var review = new AssessmentReview
        {
            SchemeVersionId = version.Id, PeriodKind = command.Kind, PeriodStart = command.PeriodStart, Status = ReviewStatus.Draft,
            CorrectsReviewId = command.CorrectsReviewId, ComputedBy = db.Jurisdiction.ActorName, ComputedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.AssessmentReviews.Add(review);
        // The review and all its results are saved together, or nothing is.
        db.AssessmentResults.AddRange(units.Select(u => new ReviewResult
        {
            Review = review, UnitCode = u.Row.UnitCode, UnitName = u.Row.UnitName, Total = u.Row.Total, Stars = u.Row.Stars,
            Colour = u.Row.Colour, Rank = u.Row.Rank, List = u.Row.List, Lines = SchemeJson.WriteLines(u.Score),
        }));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(review.Id);
    }

    private async Task<string?> CorrectionRefusalAsync(RunReview command, List<AssessmentReview> earlier, CancellationToken ct)
    {
        if (command.CorrectsReviewId is not { } corrected)
        {
            return earlier.Any(r => r.Status == ReviewStatus.Published) ? AssessmentReview.Immutable : null;
        }
        var target = await db.AssessmentReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == corrected, ct);
        return target is null || target.Status != ReviewStatus.Published ? "只能更正已发布的考核结果"
            : target.PeriodKind != command.Kind || target.PeriodStart != command.PeriodStart ? "更正考核应与被更正的考核属于同一考核期"
            : null;
    }
}

public sealed class PublishReviewHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(PublishReview command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以发布考核结果");
        }
        var review = await db.AssessmentReviews.FirstOrDefaultAsync(r => r.Id == command.ReviewId, ct);
        if (review is null)
        {
            return Outcome<int>.NotFound();
        }
        if (review.Publish(db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Outcome<int>.Invalid("reviewId", refusal);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(review.Id);
    }
}
