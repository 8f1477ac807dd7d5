using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// Check a resident in at the door of a session (签到): by the code on their phone (scanned or typed), or, for those
/// without a phone, by their sign-up chosen from the list. Every refusal changes nothing.
/// </summary>
public sealed record CheckIn(int SessionId, string? Token = null, int? SignUpId = null);

public sealed record CheckedIn(int SignUpId, int ResidentId, string Name, int CheckedInCount, int Capacity);

public sealed class CheckInHandler(CivicGridDbContext db, CheckInKey key)
{
    public async Task<Outcome<CheckedIn>> HandleAsync(CheckIn c, CancellationToken ct)
    {
        if (!db.MayCheckIn())
        {
            return Outcome<CheckedIn>.Forbidden(ActivityParts.NotDoorStaff);
        }
        if (string.IsNullOrWhiteSpace(c.Token) == c.SignUpId is null)
        {
            return Outcome<CheckedIn>.Invalid("token", "请扫描或输入签到码，或从名单中选择居民（二选一）");
        }
        int? residentId = null;
        if (!string.IsNullOrWhiteSpace(c.Token))
        {
            var (reading, sessionId, resident) = key.Read(c.Token, db.Clock.GetUtcNow());
            if (reading != TokenReading.Valid)
            {
                return Outcome<CheckedIn>.Invalid("token", CheckInToken.Refusal(reading));
            }
            if (sessionId != c.SessionId)
            {
                return Outcome<CheckedIn>.Invalid("token", CheckInRules.OtherSession);
            }
            residentId = resident;
        }
        var session = await db.ActivitySessions.AsNoTracking().Include(s => s.Activity).FirstOrDefaultAsync(s => s.Id == c.SessionId, ct);
        if (session is null)
        {
            return Outcome<CheckedIn>.NotFound();
        }
        var field = residentId is null ? "signUpId" : "token";
        var signUp = await db.ActivitySignUps.FirstOrDefaultAsync(s => s.SessionId == session.Id
            && (residentId != null ? s.ResidentId == residentId : s.Id == c.SignUpId), ct);
        var capacity = session.Activity!.Capacity;
        // Counted from the rows, not kept on the session, so fifty doors at once do not queue on one row.
        var checkedIn = await db.ActivitySignUps.CountAsync(s => s.SessionId == session.Id && s.CheckedInAt != null, ct);
        if (CheckInRules.Refusal(session.Status, ActivityParts.DayOf(session.StartsAt), db.Clock.Today(), capacity, checkedIn, signUp) is { } refusal)
        {
            return Outcome<CheckedIn>.Invalid(field, refusal);
        }
        signUp!.CheckedInAt = db.Clock.GetUtcNow().UtcDateTime;
        signUp.CheckedInBy = db.Jurisdiction.ActorName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another door checked the same person in a moment ago.
            db.ChangeTracker.Clear();
            return Outcome<CheckedIn>.Invalid(field, CheckInRules.AlreadyIn);
        }
        var name = await db.Residents.AsNoTracking().Where(r => r.Id == signUp.ResidentId).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return Outcome<CheckedIn>.Ok(new CheckedIn(signUp.Id, signUp.ResidentId, name ?? "居民", checkedIn + 1, capacity));
    }
}
