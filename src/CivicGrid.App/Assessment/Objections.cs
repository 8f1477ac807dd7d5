using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>A unit's objection to its published result (异议), filed by the unit's own staff.</summary>
public sealed record FileObjection(int ReviewId, string UnitCode, string? Reason);

/// <summary>The district's answer to an objection: upheld or rejected, always with a reply.</summary>
public sealed record AnswerObjection(int ObjectionId, bool Uphold, string? Reply);

public sealed class FileObjectionHandler(CivicGridDbContext db)
{
    /// <summary>Staff who administer the unit itself (its community or street) may object for it.</summary>
    public static bool MayFile(CivicGridDbContext db, string unit) =>
        db.Jurisdiction.Role.May(Permission.AdministerJurisdiction) && db.Jurisdiction.ScopeCode == unit;

    public async Task<Outcome<int>> HandleAsync(FileObjection command, CancellationToken ct)
    {
        if (!MayFile(db, command.UnitCode ?? ""))
        {
            return Outcome<int>.Forbidden("只有本单位的工作人员可以对本单位的考核结果提出异议");
        }
        var review = await db.AssessmentReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReviewId, ct);
        if (review is null || review.Status != ReviewStatus.Published)
        {
            return Outcome<int>.NotFound();
        }
        var inReview = await db.AssessmentResults.AnyAsync(r => r.ReviewId == review.Id && r.UnitCode == command.UnitCode, ct);
        var open = await db.AssessmentObjections.AnyAsync(o => o.ReviewId == review.Id && o.UnitCode == command.UnitCode && o.Status == ObjectionStatus.Open, ct);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        if (ReviewObjection.FilingRefusal(review, inReview, open, command.Reason, at) is { } refusal)
        {
            return Outcome<int>.Invalid("reason", refusal);
        }
        var objection = new ReviewObjection
        {
            ReviewId = review.Id, UnitCode = command.UnitCode!, Reason = command.Reason!.Trim(), FiledBy = db.Jurisdiction.ActorName, FiledAt = at,
        };
        db.AssessmentObjections.Add(objection);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(objection.Id);
    }
}

public sealed class AnswerObjectionHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(AnswerObjection command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以答复异议");
        }
        var objection = await db.AssessmentObjections.FirstOrDefaultAsync(o => o.Id == command.ObjectionId, ct);
        if (objection is null)
        {
            return Outcome<int>.NotFound();
        }
        if (objection.Answer(command.Uphold, command.Reply, db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Outcome<int>.Invalid("reply", refusal);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(objection.Id);
    }
}
