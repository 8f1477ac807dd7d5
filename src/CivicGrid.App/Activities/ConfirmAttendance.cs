using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// The organiser confirms a session's attendance (确认出席): the session is held, each sign-up is marked attended or
/// not from its check-in, and the serving volunteers named as present — and, for a volunteer task, the volunteers who
/// checked in — are credited the session's length as hours. All in one save; a refusal saves nothing.
/// </summary>
public sealed record ConfirmAttendance(int SessionId, IReadOnlyList<int>? PresentServers);

public sealed record AttendanceConfirmed(int SessionId, int Attended, int NoShows, int VolunteersCredited, int Minutes);

public sealed class ConfirmAttendanceHandler(CivicGridDbContext db)
{
    public async Task<Outcome<AttendanceConfirmed>> HandleAsync(ConfirmAttendance c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<AttendanceConfirmed>.Forbidden(ActivityParts.NotOrganiser);
        }
        if (c.PresentServers is null)
        {
            return Outcome<AttendanceConfirmed>.Invalid("presentServers", "请列出到场服务的志愿者（可为空列表）");
        }
        var session = await db.SessionAsync(c.SessionId, ct);
        if (session is null)
        {
            return Outcome<AttendanceConfirmed>.NotFound();
        }
        var (to, refusal) = SessionStateMachine.Apply(session.Status, SessionAction.ConfirmAttendance, ActivityParts.DayOf(session.StartsAt), db.Clock.Today());
        if (refusal is not null)
        {
            return Outcome<AttendanceConfirmed>.Invalid("sessionId", refusal);
        }
        var signUps = await db.ActivitySignUps.Where(s => s.SessionId == session.Id && s.Status == RosterStatus.Confirmed).ToListAsync(ct);
        var attendees = signUps.Where(s => s.CheckedInAt != null).Select(s => s.ResidentId).ToList();
        var attendingVolunteers = await db.Volunteers.AsNoTracking().Where(v => v.ResidentId != null && attendees.Contains(v.ResidentId.Value)).Select(v => v.Id).ToListAsync(ct);
        var (claims, wrong) = HoursCredit.Claims(c.PresentServers, session.Servers, attendingVolunteers, session.Activity!.VolunteerTask);
        if (wrong is not null)
        {
            db.ChangeTracker.Clear();
            return Outcome<AttendanceConfirmed>.Invalid("presentServers", wrong);
        }
        var ids = claims.Select(x => x.VolunteerId).ToList();
        var grids = await db.Volunteers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.GridCode, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var claim in claims.Where(x => grids.ContainsKey(x.VolunteerId)))
        {
            db.HoursEntries.Add(new HoursEntry
            {
                VolunteerId = claim.VolunteerId, GridCode = grids[claim.VolunteerId], Source = HoursSource.Activity, SourceId = session.Id,
                Minutes = session.Minutes, Capacity = claim.Capacity, CreditedAt = now, CreditedBy = db.Jurisdiction.ActorName,
            });
        }
        foreach (var s in signUps)
        {
            s.Attended = s.CheckedInAt != null;
        }
        (session.Status, session.ConfirmedAt, session.ConfirmedBy) = (to!.Value, now, db.Jurisdiction.ActorName);
        session.Version++;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return Outcome<AttendanceConfirmed>.Invalid("", conflict);
        }
        return Outcome<AttendanceConfirmed>.Ok(new AttendanceConfirmed(session.Id, attendees.Count, signUps.Count - attendees.Count, grids.Count, session.Minutes));
    }
}
