using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>Publish every draft session of an activity (opening sign-up), or cancel one session.</summary>
public sealed record MoveSession(int SessionId, SessionAction? Action, bool WholeActivity = false);

public sealed record SessionMoved(int SessionId, SessionStatus Status, int Moved);

public sealed class MoveSessionHandler(CivicGridDbContext db)
{
    public async Task<Outcome<SessionMoved>> HandleAsync(MoveSession c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<SessionMoved>.Forbidden(ActivityParts.NotOrganiser);
        }
        if (c.Action is not (SessionAction.Publish or SessionAction.Cancel))
        {
            return Outcome<SessionMoved>.Invalid("action", "请选择发布或取消；确认出席请用出席确认");
        }
        var session = await db.ActivitySessions.FirstOrDefaultAsync(s => s.Id == c.SessionId, ct);
        if (session is null)
        {
            return Outcome<SessionMoved>.NotFound();
        }
        var sessions = c.WholeActivity
            ? await db.ActivitySessions.Where(s => s.ActivityId == session.ActivityId && s.Status == (c.Action == SessionAction.Publish ? SessionStatus.Draft : SessionStatus.Published)).ToListAsync(ct)
            : [session];
        var today = db.Clock.Today();
        foreach (var s in sessions)
        {
            var (to, refusal) = SessionStateMachine.Apply(s.Status, c.Action.Value, ActivityParts.DayOf(s.StartsAt), today);
            if (refusal is not null)
            {
                db.ChangeTracker.Clear();
                return Outcome<SessionMoved>.Invalid("action", refusal);
            }
            s.Status = to!.Value;
            s.Version++;
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return Outcome<SessionMoved>.Invalid("", conflict);
        }
        return Outcome<SessionMoved>.Ok(new SessionMoved(session.Id, session.Status, sessions.Count));
    }
}
