using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>An attendee rates a session they attended (1–5) and may say why (评价).</summary>
public sealed record GiveFeedback(int SessionId, int? Rating, string? Comment);

public sealed record FeedbackGiven(int SessionId, int Rating);

public sealed class GiveFeedbackHandler(CivicGridDbContext db)
{
    public async Task<Outcome<FeedbackGiven>> HandleAsync(GiveFeedback c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is null)
        {
            return Outcome<FeedbackGiven>.Forbidden(ActivityParts.NotResident);
        }
        var mine = await own.ActivitySignUps.FirstOrDefaultAsync(s => s.SessionId == c.SessionId && s.Status == RosterStatus.Confirmed, ct);
        if (mine is null)
        {
            return Outcome<FeedbackGiven>.NotFound();
        }
        if (mine.CheckedInAt is null)
        {
            return Outcome<FeedbackGiven>.Invalid("sessionId", "您未签到参加本场活动，不能评价");
        }
        if (c.Rating is not (>= 1 and <= 5))
        {
            return Outcome<FeedbackGiven>.Invalid("rating", "评分须在1到5之间");
        }
        var comment = (c.Comment ?? "").Trim();
        if (comment.Length > ActivitySignUp.MaxCommentLength)
        {
            return Outcome<FeedbackGiven>.Invalid("comment", $"评价不超过{ActivitySignUp.MaxCommentLength}字");
        }
        (mine.Rating, mine.Comment) = (c.Rating, comment.Length == 0 ? null : comment);
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackGiven>.Ok(new FeedbackGiven(c.SessionId, c.Rating.Value));
    }
}
