using CivicGrid.App.Activities.Teams;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// A resident's activities page: the upcoming published sessions of their community (saying whether they fit the
/// audience), their own sign-ups, their volunteer record and hours, and past sessions with attendance and ratings.
/// </summary>
public sealed record MyActivities;

public sealed record PublicSession(int Id, string Title, ActivityKind Kind, string Facility, DateTime StartsAt, int Minutes, SessionStatus Status,
    int Capacity, int Taken, string AudienceRule, bool Fits, RosterStatus? Mine, bool CheckedIn, int? MyRating, int Attended, double? AverageRating);

public sealed record MyHours(int VolunteerId, string Skills, int Minutes, IReadOnlyList<HoursLine> Lines);

public sealed record HoursLine(HoursSource Source, int SourceId, string Title, string Capacity, int Minutes, DateTime CreditedAt);

public sealed record MyActivitiesView(bool Linked, IReadOnlyList<PublicSession> Upcoming, IReadOnlyList<PublicSession> Past, MyHours? Volunteer,
    IReadOnlyList<MyTeam> Teams, IReadOnlyList<MyInvitation> Invitations)
{
    /// <summary>The teams of the volunteer's community they are not in; empty for a resident who is no volunteer.</summary>
    public IReadOnlyList<OpenTeam> OpenTeams { get; init; } = [];
}

/// <summary>A team the volunteer is in, with the skills they bring to it.</summary>
public sealed record MyTeam(string Name, string CommunityCode, IReadOnlyList<string> Skills)
{
    public int Id { get; init; }
}

/// <summary>An invitation to a deliberation day; it may be answered up to the day.</summary>
public sealed record MyInvitation(int Id, int DayId, string Title, DateOnly Date, string Place, string Team, InvitationAnswer Answer, bool? Attended, bool MayAnswer);

public sealed class MyActivitiesHandler(CivicGridDbContext db)
{
    public async Task<MyActivitiesView> HandleAsync(MyActivities q, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is not { } residentId)
        {
            return new MyActivitiesView(false, [], [], null, [], []);
        }
        var grid = await own.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.GridCode).FirstAsync(ct);
        var community = grid[..12];
        var mine = await own.ActivitySignUps.AsNoTracking().ToListAsync(ct);
        var mineIds = mine.Select(m => m.SessionId).ToList();
        var todayUtc = TimeZoneInfo.ConvertTimeToUtc(db.Clock.Today().ToDateTime(TimeOnly.MinValue), DistrictTime.Zone);
        var sessions = await db.PublicActivities().Sessions.AsNoTracking().Include(s => s.Activity)
            .Where(s => (s.CommunityCode == community && s.StartsAt >= todayUtc.AddDays(-60) && s.StartsAt < todayUtc.AddDays(60)) || mineIds.Contains(s.Id))
            .OrderBy(s => s.StartsAt).Take(300).ToListAsync(ct);
        var fits = await FitsAsync(residentId, sessions.Select(s => s.Activity!.AudienceRule).Distinct(), ct);
        var held = sessions.Where(s => s.Status == SessionStatus.Held).Select(s => s.Id).ToList();
        var facilities = sessions.Select(s => s.Activity!.FacilityId).Distinct().ToList();
        var facilityNames = await db.Facilities.AsNoTracking().Where(f => facilities.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var outcomes = await db.PublicActivities().OutcomesOf(held).ToDictionaryAsync(o => o.SessionId, ct);
        PublicSession View(ActivitySession s)
        {
            var m = mine.FirstOrDefault(x => x.SessionId == s.Id && x.Status != RosterStatus.Cancelled);
            var o = outcomes.GetValueOrDefault(s.Id);
            return new PublicSession(s.Id, s.Activity!.Title, s.Activity.Kind, facilityNames.GetValueOrDefault(s.Activity.FacilityId, ""), s.StartsAt, s.Minutes,
                s.Status, s.Activity.Capacity, s.Taken, s.Activity.AudienceRule, fits[s.Activity.AudienceRule], m?.Status, m?.CheckedInAt != null, m?.Rating,
                o?.Attended ?? 0, o?.AverageRating);
        }
        var upcoming = sessions.Where(s => s.StartsAt >= todayUtc && s.Status == SessionStatus.Published).Select(View).ToList();
        var past = sessions.Where(s => s.Status == SessionStatus.Held || (s.StartsAt < todayUtc && s.Status != SessionStatus.Draft))
            .OrderByDescending(s => s.StartsAt).Take(30).Select(View).ToList();
        var hours = await HoursAsync(own, ct);
        var teams = await TeamsAsync(own, ct);
        return new MyActivitiesView(true, upcoming, past, hours, teams, await InvitationsAsync(own, ct))
        {
            OpenTeams = hours is null ? [] : await OpenTeamsAsync(own, teams, ct),
        };
    }

    private async Task<Dictionary<string, bool>> FitsAsync(int residentId, IEnumerable<string> rules, CancellationToken ct)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        var list = rules.ToList();
        if (list.All(r => r.Length == 0))
        {
            return list.ToDictionary(r => r, _ => true, StringComparer.Ordinal);
        }
        var context = await new RuleBook(db).ContextAsync(ct);
        var facts = (await HouseholdFacts.ForResidentAsync(db, residentId, ct)).FirstOrDefault(f => f.ResidentId == residentId);
        foreach (var rule in list)
        {
            var check = rule.Length == 0 ? null : RuleBook.Check(rule, context);
            result[rule] = rule.Length == 0 || (check!.Rule is not null && facts.ResidentId == residentId && RuleCompiler.Compile(check.Rule, context).Matches(in facts));
        }
        return result;
    }

    private static async Task<IReadOnlyList<MyTeam>> TeamsAsync(OwnHouseholdScope own, CancellationToken ct)
    {
        var rows = await own.TeamMemberships.AsNoTracking().Join(own.Teams, m => m.TeamId, t => t.Id, (m, t) => new { t.Id, t.Name, t.CommunityCode, m.Skills })
            .OrderBy(x => x.CommunityCode).ThenBy(x => x.Name).ToListAsync(ct);
        return rows.ConvertAll(x => new MyTeam(x.Name, x.CommunityCode, TeamSkills.Parse(x.Skills)) { Id = x.Id });
    }

    private static async Task<IReadOnlyList<OpenTeam>> OpenTeamsAsync(OwnHouseholdScope own, IReadOnlyList<MyTeam> mine, CancellationToken ct)
    {
        var joined = mine.Select(t => t.Id).ToList();
        var teams = await own.CommunityTeams.AsNoTracking().Where(t => !joined.Contains(t.Id)).OrderBy(t => t.ThinkTankGroupId == null).ThenBy(t => t.Name)
            .Take(50).ToListAsync(ct);
        return teams.ConvertAll(t => new OpenTeam(t.Id, t.Name, t.ThinkTankGroupId != null, TeamSkills.Parse(t.SkillList)));
    }

    private async Task<IReadOnlyList<MyInvitation>> InvitationsAsync(OwnHouseholdScope own, CancellationToken ct)
    {
        var rows = await own.Invitations.AsNoTracking()
            .Join(own.InvitedDays, i => i.DeliberationDayId, d => d.Id, (i, d) => new { i.Id, DayId = d.Id, d.Title, d.Date, d.Place, i.TeamId, i.Answer, i.Attended })
            .OrderByDescending(x => x.Date).Take(20).ToListAsync(ct);
        var teamIds = rows.Select(r => r.TeamId).Distinct().ToList();
        var teams = await own.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var today = db.Clock.Today();
        return rows.ConvertAll(r => new MyInvitation(r.Id, r.DayId, r.Title, r.Date, r.Place, teams.GetValueOrDefault(r.TeamId, ""), r.Answer, r.Attended,
            r.Date >= today));
    }

    private async Task<MyHours?> HoursAsync(OwnHouseholdScope own, CancellationToken ct)
    {
        var volunteer = await own.Volunteers.AsNoTracking().FirstOrDefaultAsync(ct);
        if (volunteer is null)
        {
            return null;
        }
        var entries = await own.HoursEntries.AsNoTracking().OrderByDescending(h => h.CreditedAt).Take(100).ToListAsync(ct);
        var sessionIds = entries.Where(e => e.Source == HoursSource.Activity).Select(e => e.SourceId).ToList();
        var titles = await db.PublicActivities().Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Activity!.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var dayIds = entries.Where(e => e.Source == HoursSource.Deliberation).Select(e => e.SourceId).ToList();
        var days = await own.InvitedDays.AsNoTracking().Where(d => dayIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var total = await own.HoursEntries.SumAsync(h => (int?)h.Minutes, ct) ?? 0;
        return new MyHours(volunteer.Id, volunteer.Skills, total, entries.ConvertAll(e =>
            new HoursLine(e.Source, e.SourceId, e.Source == HoursSource.Deliberation ? days.GetValueOrDefault(e.SourceId, "议事日") : titles.GetValueOrDefault(e.SourceId, "活动"), e.Capacity, e.Minutes, e.CreditedAt)));
    }
}
