using CivicGrid.App.Assessment;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Assessment;

/// <summary>
/// Runs the month's (and the quarter's) reviews of every published scheme every <c>AssessmentReviews:PollMinutes</c>
/// (60 by default), at the first pass after the period ends. Every instance may run it; a period with a review is skipped.
/// </summary>
public sealed class ReviewWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReviewWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "assessment-reviews";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("AssessmentReviews:PollMinutes", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var ran = await services.GetRequiredService<RunDueReviewsHandler>().HandleAsync(new RunDueReviews(), ct);
        if (ran.Count > 0)
        {
            log.LogInformation("Assessment reviews run on schedule: {Reviews}", string.Join(", ", ran));
        }
        return false;
    }
}
