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
        var door = await DoorAsync(c.SessionId, residentId, c.SignUpId, ct);
        if (door is null)
        {
            return Outcome<CheckedIn>.NotFound();
        }
        var field = residentId is null ? "signUpId" : "token";
        var signUp = door.SignUp;
        if (CheckInRules.Refusal(door.Status, ActivityParts.DayOf(door.StartsAt), db.Clock.Today(), door.Capacity, door.CheckedIn, signUp) is { } refusal)
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
        return Outcome<CheckedIn>.Ok(new CheckedIn(signUp.Id, signUp.ResidentId, door.Name ?? "居民", door.CheckedIn + 1, door.Capacity));
    }

    /// <summary>
    /// Everything the door needs in one round trip, the resident's sign-up tracked for the update. The head-count is
    /// counted from the rows, not kept on the session, so fifty doors at once do not queue on one row.
    /// </summary>
    private Task<Door?> DoorAsync(int sessionId, int? residentId, int? signUpId, CancellationToken ct)
    {
        var signUps = db.ActivitySignUps;
        var theirs = signUps.Where(x => residentId != null ? x.ResidentId == residentId : x.Id == signUpId);
        var residents = db.Residents;
        return db.ActivitySessions.Where(s => s.Id == sessionId).Select(s => new Door(
            s.Status,
            s.StartsAt,
            s.Activity!.Capacity,
            signUps.Count(x => x.SessionId == s.Id && x.CheckedInAt != null),
            theirs.FirstOrDefault(x => x.SessionId == s.Id),
            theirs.Where(x => x.SessionId == s.Id).Join(residents, x => x.ResidentId, r => r.Id, (x, r) => r.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }

    private sealed record Door(SessionStatus Status, DateTime StartsAt, int Capacity, int CheckedIn, ActivitySignUp? SignUp, string? Name);
}
