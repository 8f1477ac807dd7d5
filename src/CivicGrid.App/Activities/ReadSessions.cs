using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>The sessions of the jurisdiction's activities, from a day on (default today), soonest first.</summary>
public sealed record ListSessions(DateOnly? From = null, int Take = 100);

public sealed record SessionRow(int Id, int ActivityId, string Title, ActivityKind Kind, string CommunityCode, DateTime StartsAt, int Minutes,
    SessionStatus Status, int Capacity, int Taken, int CheckedIn);

public sealed class ListSessionsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<SessionRow>> HandleAsync(ListSessions q, CancellationToken ct)
    {
        var from = q.From ?? db.Clock.Today();
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), DistrictTime.Zone);
        var signUps = db.ActivitySignUps;
        return await db.ActivitySessions.AsNoTracking().Where(s => s.StartsAt >= fromUtc)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(Math.Clamp(q.Take, 1, 500))
            .Select(s => new SessionRow(s.Id, s.ActivityId, s.Activity!.Title, s.Activity.Kind, s.CommunityCode, s.StartsAt, s.Minutes, s.Status,
                s.Activity.Capacity, s.Taken, signUps.Count(x => x.SessionId == s.Id && x.CheckedInAt != null)))
            .ToListAsync(ct);
    }
}

/// <summary>One session as its organiser and the door staff see it: the activity, the volunteers serving, the sign-ups.</summary>
public sealed record GetSession(int Id, string? Name = null);

public sealed record ServerRow(int VolunteerId, string Name, ServingRole Role, bool Credited);

public sealed record RosterRow(int SignUpId, int ResidentId, string Name, RosterStatus Status, DateTime SignedUpAt, DateTime? CheckedInAt, bool? Attended,
    int? Rating, string? Comment);

public sealed record SessionDetail(SessionRow Session, string Description, string AudienceRule, bool VolunteerTask, string FacilityName,
    IReadOnlyList<ServerRow> Servers, IReadOnlyList<RosterRow> SignUps, IReadOnlyList<SessionAction> Actions, bool IsToday, double? AverageRating);

public sealed class GetSessionHandler(CivicGridDbContext db)
{
    public async Task<Outcome<SessionDetail>> HandleAsync(GetSession q, CancellationToken ct)
    {
        var s = await db.ActivitySessions.AsNoTracking().Include(x => x.Activity).Include(x => x.Servers).FirstOrDefaultAsync(x => x.Id == q.Id, ct);
        if (s is null)
        {
            return Outcome<SessionDetail>.NotFound();
        }
        var a = s.Activity!;
        var facility = await db.Facilities.AsNoTracking().Where(f => f.Id == a.FacilityId).Select(f => f.Name).FirstOrDefaultAsync(ct) ?? "";
        var volunteerIds = s.Servers.Select(x => x.VolunteerId).ToList();
        var names = await db.Volunteers.AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var credited = await db.HoursEntries.AsNoTracking().Where(h => h.Source == HoursSource.Activity && h.SourceId == s.Id).Select(h => h.VolunteerId).ToListAsync(ct);
        var servers = s.Servers.OrderBy(x => x.Role).ThenBy(x => x.VolunteerId)
            .Select(x => new ServerRow(x.VolunteerId, names.GetValueOrDefault(x.VolunteerId, "志愿者"), x.Role, credited.Contains(x.VolunteerId))).ToList();
        var signUps = await Roster(s.Id, q.Name).ToListAsync(ct);
        var checkedIn = await db.ActivitySignUps.CountAsync(x => x.SessionId == s.Id && x.CheckedInAt != null, ct);
        var row = new SessionRow(s.Id, a.Id, a.Title, a.Kind, s.CommunityCode, s.StartsAt, s.Minutes, s.Status, a.Capacity, s.Taken, checkedIn);
        var ratings = signUps.Where(x => x.Rating != null).Select(x => (double)x.Rating!.Value).ToList();
        return Outcome<SessionDetail>.Ok(new SessionDetail(row, a.Description, a.AudienceRule, a.VolunteerTask, facility, servers, signUps,
            SessionStateMachine.ActionsFrom(s.Status).ToList(), ActivityParts.DayOf(s.StartsAt) == db.Clock.Today(), ratings.Count > 0 ? ratings.Average() : null));
    }

    /// <summary>Sign-ups by status and order; names of residents outside the caller's residents (another grid) stay hidden.</summary>
    private IQueryable<RosterRow> Roster(int sessionId, string? name)
    {
        var rows = from x in db.ActivitySignUps.AsNoTracking().Where(x => x.SessionId == sessionId)
                   join r in db.Residents on x.ResidentId equals r.Id into rs
                   from r in rs.DefaultIfEmpty()
                   select new { x, Name = r == null ? null : r.Name };
        if (!string.IsNullOrWhiteSpace(name))
        {
            var text = name.Trim();
            rows = rows.Where(v => v.Name != null && v.Name.Contains(text));
        }
        return rows.OrderBy(v => v.x.Status).ThenBy(v => v.x.SignedUpAt).ThenBy(v => v.x.Id)
            .Select(v => new RosterRow(v.x.Id, v.x.ResidentId, v.Name ?? "（辖区外居民）", v.x.Status, v.x.SignedUpAt, v.x.CheckedInAt, v.x.Attended, v.x.Rating, v.x.Comment));
    }
}
