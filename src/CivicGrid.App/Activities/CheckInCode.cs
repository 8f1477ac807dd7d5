using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>The signed-in resident's check-in code for a session they hold a place in, valid for two hours.</summary>
public sealed record GetCheckInCode(int SessionId);

public sealed record CheckInCode(int SessionId, string Token, DateTime ExpiresAt);

public sealed class GetCheckInCodeHandler(CivicGridDbContext db, CheckInKey key)
{
    public async Task<Outcome<CheckInCode>> HandleAsync(GetCheckInCode q, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is not { } residentId)
        {
            return Outcome<CheckInCode>.NotFound();
        }
        var mine = await own.ActivitySignUps.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == q.SessionId && s.Status != RosterStatus.Cancelled, ct);
        if (mine is null)
        {
            return Outcome<CheckInCode>.NotFound();
        }
        if (mine.Status == RosterStatus.Waiting)
        {
            return Outcome<CheckInCode>.Invalid("sessionId", CheckInRules.Waiting);
        }
        var expires = db.Clock.GetUtcNow() + CheckInToken.Lifetime;
        return Outcome<CheckInCode>.Ok(new CheckInCode(q.SessionId, key.Issue(q.SessionId, residentId, expires), expires.UtcDateTime));
    }
}
