using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// Communities' published activities (公开活动): the activities and their sessions that are published, held or
/// cancelled after publishing, in any community, whatever the account's jurisdiction. They hold no personal data
/// (no sign-ups, no volunteers), so the calendar feed and a resident's page of their community read them.
/// </summary>
public sealed class PublicActivitiesScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: published sessions and their activity, no personal data.
    public IQueryable<ActivitySession> Sessions => db.Set<ActivitySession>().IgnoreQueryFilters().Where(s => s.Status != SessionStatus.Draft);

    public IQueryable<Activity> Activities => db.Set<Activity>().IgnoreQueryFilters().Where(a => Sessions.Any(s => s.ActivityId == a.Id));

    /// <summary>Head-counts and the average rating of held sessions: figures, not people.</summary>
    public IQueryable<SessionOutcome> OutcomesOf(IReadOnlyCollection<int> sessionIds) =>
        db.Set<ActivitySignUp>().IgnoreQueryFilters().Where(s => sessionIds.Contains(s.SessionId) && s.Attended == true)
            .GroupBy(s => s.SessionId)
            .Select(g => new SessionOutcome(g.Key, g.Count(), g.Average(s => (double?)s.Rating)));
#pragma warning restore RS0030
}

/// <summary>How a held session went: who came, and what they thought of it on average.</summary>
public sealed record SessionOutcome(int SessionId, int Attended, double? AverageRating);

public static partial class ReadScopes
{
    /// <inheritdoc cref="PublicActivitiesScope"/>
    public static PublicActivitiesScope PublicActivities(this CivicGridDbContext db) => new(db);
}

/// <summary>
/// One session's waiting list (候补名单), for the move that gives a freed place to the first who waits: a resident
/// cancelling their place cannot see other residents' sign-ups, yet their cancellation promotes one. Only the
/// activities' sign-up moves use it; it returns the waiting rows of that one session and nothing else.
/// </summary>
public sealed class SessionWaitingListScope(CivicGridDbContext db, int sessionId)
{
#pragma warning disable RS0030 // The data layer implements the scope: the waiting rows of one session.
    public IQueryable<ActivitySignUp> Waiting =>
        db.Set<ActivitySignUp>().IgnoreQueryFilters().Where(s => s.SessionId == sessionId && s.Status == RosterStatus.Waiting);
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="SessionWaitingListScope"/>
    public static SessionWaitingListScope SessionWaitingList(this CivicGridDbContext db, int sessionId) => new(db, sessionId);
}
