using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// The reviews on schedule: after a month ends, every published scheme is run over it, and over its quarter when the
/// month ends one, as drafts the district then checks and publishes; the district's administrators are told in their
/// inbox. A period that already has a review of the scheme (draft or published, run by hand or not) is left alone.
/// </summary>
public sealed record RunDueReviews;

public sealed class RunDueReviewsHandler(CivicGridDbContext db, RunReviewHandler run, ReviewComputation computation)
{
    /// <returns>The reviews run now.</returns>
    public async Task<IReadOnlyList<int>> HandleAsync(RunDueReviews command, CancellationToken ct)
    {
        var month = computation.LastMonth();
        var periods = new List<(ReviewPeriodKind Kind, DateOnly Start)> { (ReviewPeriodKind.Monthly, month) };
        var quarter = AssessmentReview.QuarterStart(month);
        if (quarter.AddMonths(2) == month)
        {
            periods.Add((ReviewPeriodKind.Quarterly, quarter));
        }
        var schemes = await db.AssessmentSchemes.AsNoTracking().Where(s => s.PublishedVersion != null).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var ran = new List<int>();
        foreach (var scheme in schemes)
        {
            foreach (var (kind, start) in periods)
            {
                if (await HasReviewAsync(scheme.Id, kind, start, ct))
                {
                    continue;
                }
                if ((await run.HandleAsync(new RunReview(scheme.Id, kind, start), ct)).Value is > 0 and var review)
                {
                    ran.Add(review);
                    await TellDistrictAsync(review, $"{scheme.Name}（{PeriodName(kind, start)}）考核结果已生成，请审核后发布", ct);
                }
            }
        }
        return ran;
    }

    private Task<bool> HasReviewAsync(int schemeId, ReviewPeriodKind kind, DateOnly start, CancellationToken ct) =>
        (from r in db.AssessmentReviews
         join v in db.AssessmentSchemeVersions on r.SchemeVersionId equals v.Id
         where v.SchemeId == schemeId && r.PeriodKind == kind && r.PeriodStart == start
         select r.Id).AnyAsync(ct);

    private async Task TellDistrictAsync(int review, string title, CancellationToken ct)
    {
        var admins = await db.Users.Where(u => u.DisabledAt == null && u.Role == StaffRole.DistrictAdmin).Select(u => u.Id).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.InboxMessages.AddRange(admins.Select(id => new InboxMessage
        {
            UserId = id, Title = title, Body = "系统已按已发布的考核方案生成草稿；请核对加减分后发布，发布后不能修改", Link = $"assessment/reviews/{review}", CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
    }

    private static string PeriodName(ReviewPeriodKind kind, DateOnly start) =>
        kind == ReviewPeriodKind.Monthly ? $"{start.Year} 年 {start.Month} 月" : $"{start.Year} 年第 {(start.Month - 1) / 3 + 1} 季度";
}
