using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Activities;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>The signed-in resident signs up for a published session (报名): a place while one is free, else the waiting list.</summary>
public sealed record SignUpForSession(int SessionId);

/// <summary>The signed-in resident cancels their sign-up; a freed place goes to the first on the waiting list.</summary>
public sealed record CancelSignUp(int SessionId);

public sealed record SignUpView(int SessionId, RosterStatus Status, int? PromotedResidentId = null);

public sealed class SignUpForSessionHandler(CivicGridDbContext db)
{
    public const string OutsideAudience = "您不符合本活动的参与条件：";

    public async Task<Outcome<SignUpView>> HandleAsync(SignUpForSession c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is not { } residentId)
        {
            return Outcome<SignUpView>.Forbidden(ActivityParts.NotResident);
        }
        for (var attempt = 0; ; attempt++)
        {
            var session = await db.PublicActivities().Sessions.Include(s => s.Activity).FirstOrDefaultAsync(s => s.Id == c.SessionId, ct);
            if (session is null)
            {
                return Outcome<SignUpView>.NotFound();
            }
            if (await AudienceRefusalAsync(session.Activity!, residentId, ct) is { } outside)
            {
                return Outcome<SignUpView>.Invalid("sessionId", outside);
            }
            var existing = await own.ActivitySignUps.FirstOrDefaultAsync(s => s.SessionId == session.Id, ct);
            var (status, refusal) = SessionRoster.Join(session.Status, session.Activity!.Capacity, session.Taken, existing is { Status: not RosterStatus.Cancelled });
            if (refusal is not null)
            {
                return Outcome<SignUpView>.Invalid("sessionId", refusal);
            }
            var now = db.Clock.GetUtcNow().UtcDateTime;
            if (existing is null)
            {
                db.ActivitySignUps.Add(new ActivitySignUp { SessionId = session.Id, ResidentId = residentId, CommunityCode = session.CommunityCode, Status = status!.Value, SignedUpAt = now });
            }
            else
            {
                (existing.Status, existing.SignedUpAt, existing.CheckedInAt, existing.CheckedInBy) = (status!.Value, now, null, null);
            }
            session.Taken += status == RosterStatus.Confirmed ? 1 : 0;
            session.Version++;
            if (await db.SaveOrConflictAsync(ct) is not { } conflict)
            {
                return Outcome<SignUpView>.Ok(new SignUpView(session.Id, status!.Value));
            }
            if (attempt == 2)
            {
                return Outcome<SignUpView>.Invalid("", conflict);
            }
        }
    }

    /// <summary>Why the resident falls outside the activity's audience rule, in the rule's own words; null when they fit.</summary>
    private async Task<string?> AudienceRefusalAsync(Activity activity, int residentId, CancellationToken ct)
    {
        if (activity.AudienceRule.Length == 0)
        {
            return null;
        }
        var context = await new RuleBook(db).ContextAsync(ct);
        var check = RuleBook.Check(activity.AudienceRule, context);
        var facts = (await HouseholdFacts.ForResidentAsync(db, residentId, ct)).FirstOrDefault(f => f.ResidentId == residentId);
        return check.Rule is not null && facts.ResidentId == residentId && RuleCompiler.Compile(check.Rule, context).Matches(in facts)
            ? null
            : OutsideAudience + activity.AudienceRule;
    }
}

public sealed class CancelSignUpHandler(CivicGridDbContext db)
{
    public async Task<Outcome<SignUpView>> HandleAsync(CancelSignUp c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is null)
        {
            return Outcome<SignUpView>.Forbidden(ActivityParts.NotResident);
        }
        for (var attempt = 0; ; attempt++)
        {
            var mine = await own.ActivitySignUps.FirstOrDefaultAsync(s => s.SessionId == c.SessionId && s.Status != RosterStatus.Cancelled, ct);
            var session = await db.PublicActivities().Sessions.FirstOrDefaultAsync(s => s.Id == c.SessionId, ct);
            if (mine is null || session is null)
            {
                return Outcome<SignUpView>.NotFound();
            }
            if (session.Status != SessionStatus.Published || mine.CheckedInAt is not null)
            {
                return Outcome<SignUpView>.Invalid("sessionId", mine.CheckedInAt is null ? SessionRoster.NotOpen : "您已签到，不能取消报名");
            }
            var was = mine.Status;
            mine.Status = RosterStatus.Cancelled;
            var waiting = was == RosterStatus.Confirmed
                ? await db.SessionWaitingList(session.Id).Waiting.OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).Take(1).ToListAsync(ct)
                : [];
            var promoted = SessionRoster.Promoted(was, waiting);
            if (promoted is not null)
            {
                promoted.Status = RosterStatus.Confirmed;
            }
            else if (was == RosterStatus.Confirmed)
            {
                session.Taken--;
            }
            session.Version++;
            if (await db.SaveOrConflictAsync(ct) is not { } conflict)
            {
                return Outcome<SignUpView>.Ok(new SignUpView(session.Id, RosterStatus.Cancelled, promoted?.ResidentId));
            }
            if (attempt == 2)
            {
                return Outcome<SignUpView>.Invalid("", conflict);
            }
        }
    }
}
