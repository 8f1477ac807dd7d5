using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities.Teams;

/// <summary>
/// A deliberation day's invitations for staff: the answers counted, who is invited (and attended), and — for the teams
/// and skill picked — the members who match.
/// </summary>
public sealed record GetDayInvitations(int DayId, IReadOnlyList<int>? TeamIds = null, string? Skill = null);

public sealed record DayInvitations(int DayId, string Title, DateOnly Date, string HostCode, bool Held, int DurationMinutes, bool AttendanceMarked,
    int Confirmed, int Declined, int NoAnswer, IReadOnlyList<InvitedRow> Invited, IReadOnlyList<TeamChoice> Teams, IReadOnlyList<MatchRow> Matches);

public sealed record InvitedRow(int InvitationId, int VolunteerId, string Name, string Team, InvitationAnswer Answer, bool? Attended);

public sealed record TeamChoice(int Id, string CommunityCode, string Name, IReadOnlyList<string> Skills);

public sealed record MatchRow(int VolunteerId, string Name, int TeamId, string Team, IReadOnlyList<string> Skills, bool Invited);

public sealed class GetDayInvitationsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<DayInvitations>> HandleAsync(GetDayInvitations q, CancellationToken ct)
    {
        var day = await db.DeliberationDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == q.DayId, ct);
        if (day is null)
        {
            return Outcome<DayInvitations>.NotFound();
        }
        var invitations = await db.DeliberationInvitations.AsNoTracking().Where(i => i.DeliberationDayId == day.Id).ToListAsync(ct);
        var teams = await db.VolunteerTeams.AsNoTracking().Where(t => t.CommunityCode.StartsWith(day.HostCode)).OrderBy(t => t.CommunityCode).ThenBy(t => t.Id)
            .Take(ListTeamsHandler.MaxTeams).ToListAsync(ct);
        var names = await NamesAsync(invitations.Select(i => i.VolunteerId), ct);
        var (confirmed, declined, noAnswer) = InvitationRules.Counts(invitations);
        var invited = invitations.OrderBy(i => names.GetValueOrDefault(i.VolunteerId, ""), StringComparer.Ordinal)
            .Select(i => new InvitedRow(i.Id, i.VolunteerId, names.GetValueOrDefault(i.VolunteerId, "辖区外志愿者"),
                teams.FirstOrDefault(t => t.Id == i.TeamId)?.Name ?? "", i.Answer, i.Attended)).ToList();
        var matches = await MatchesAsync(teams, q, invitations.Select(i => i.VolunteerId).ToHashSet(), ct);
        return Outcome<DayInvitations>.Ok(new DayInvitations(day.Id, day.Title, day.Date, day.HostCode, day.IsHeld, day.DurationMinutes,
            invitations.Any(i => i.AttendanceMarkedAt != null), confirmed, declined, noAnswer, invited,
            teams.ConvertAll(t => new TeamChoice(t.Id, t.CommunityCode, t.Name, TeamSkills.Parse(t.SkillList))), matches));
    }

    private async Task<List<MatchRow>> MatchesAsync(List<VolunteerTeam> teams, GetDayInvitations q, HashSet<int> invited, CancellationToken ct)
    {
        var picked = (q.TeamIds ?? []).Where(id => teams.Any(t => t.Id == id)).ToList();
        if (picked.Count == 0)
        {
            return [];
        }
        var members = await db.TeamMembers.AsNoTracking().Where(m => picked.Contains(m.TeamId)).ToListAsync(ct);
        var skill = (q.Skill ?? "").Trim();
        var fit = members.Where(m => skill.Length == 0 || TeamSkills.Has(m.Skills, skill)).ToList();
        var names = await NamesAsync(fit.Select(m => m.VolunteerId), ct);
        return fit.Where(m => names.ContainsKey(m.VolunteerId)).DistinctBy(m => m.VolunteerId)
            .Select(m => new MatchRow(m.VolunteerId, names[m.VolunteerId], m.TeamId, teams.First(t => t.Id == m.TeamId).Name, TeamSkills.Parse(m.Skills),
                invited.Contains(m.VolunteerId)))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> volunteerIds, CancellationToken ct)
    {
        var ids = volunteerIds.Distinct().ToList();
        return await db.Volunteers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
    }
}

/// <summary>
/// Staff invite members of the picked teams to a deliberation day (邀请议事): each gets an inbox message and answers on
/// their activities page. A volunteer who is not a member of the teams is refused and nobody is invited; one already
/// invited is left as they are.
/// </summary>
public sealed record InviteMembers(int DayId, IReadOnlyList<int>? TeamIds, IReadOnlyList<int>? VolunteerIds);

public sealed record InvitationsSent(int Invited, int AlreadyInvited);

public sealed class InviteMembersHandler(CivicGridDbContext db)
{
    public async Task<Outcome<InvitationsSent>> HandleAsync(InviteMembers c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<InvitationsSent>.Forbidden(ActivityParts.NotOrganiser);
        }
        var day = await db.DeliberationDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == c.DayId, ct);
        if (day is null)
        {
            return Outcome<InvitationsSent>.NotFound();
        }
        if (InvitationRules.MayInvite(day.Date, db.Clock.Today()) is { } passed)
        {
            return Outcome<InvitationsSent>.Invalid("dayId", passed);
        }
        var volunteers = (c.VolunteerIds ?? []).Distinct().ToList();
        if (volunteers.Count == 0)
        {
            return Outcome<InvitationsSent>.Invalid("volunteerIds", InvitationRules.NoneChosen);
        }
        var teamIds = (c.TeamIds ?? []).Distinct().ToList();
        var teams = await db.VolunteerTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.CommunityCode, t.Name }).ToListAsync(ct);
        if (teams.Count != teamIds.Count || teams.Any(t => !t.CommunityCode.StartsWith(day.HostCode, StringComparison.Ordinal)))
        {
            return Outcome<InvitationsSent>.Invalid("teamIds", InvitationRules.TeamOutsideDay);
        }
        var members = await db.TeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId) && volunteers.Contains(m.VolunteerId))
            .Select(m => new { m.VolunteerId, m.TeamId }).ToListAsync(ct);
        var teamOf = members.GroupBy(m => m.VolunteerId).ToDictionary(g => g.Key, g => g.Min(m => m.TeamId));
        if (volunteers.Any(v => !teamOf.ContainsKey(v)))
        {
            return Outcome<InvitationsSent>.Invalid("volunteerIds", InvitationRules.NotMember);
        }
        var already = await db.DeliberationInvitations.Where(i => i.DeliberationDayId == day.Id && volunteers.Contains(i.VolunteerId)).Select(i => i.VolunteerId).ToListAsync(ct);
        var fresh = volunteers.Except(already).ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.DeliberationInvitations.AddRange(fresh.Select(v => new DeliberationInvitation
        {
            DeliberationDayId = day.Id, VolunteerId = v, TeamId = teamOf[v], HostCode = day.HostCode, InvitedAt = now, InvitedBy = db.Jurisdiction.ActorName,
        }));
        await TellAsync(day, fresh, teams.ToDictionary(t => t.Id, t => t.Name), teamOf, now, ct);
        return await db.SaveOrConflictAsync(ct) is { } conflict
            ? Outcome<InvitationsSent>.Invalid("", conflict)
            : Outcome<InvitationsSent>.Ok(new InvitationsSent(fresh.Count, already.Count));
    }

    /// <summary>An inbox message to each invited volunteer's account, saved with the invitations.</summary>
    private async Task TellAsync(DeliberationDay day, List<int> volunteers, Dictionary<int, string> teamNames, Dictionary<int, int> teamOf, DateTime now, CancellationToken ct)
    {
        // Employee volunteers have no resident account to tell; their enterprise's contact sees the invitation's day.
        var residents = await db.Volunteers.AsNoTracking().Where(v => volunteers.Contains(v.Id) && v.ResidentId != null)
            .ToDictionaryAsync(v => v.ResidentId!.Value, v => v.Id, ct);
        var ids = residents.Keys.ToList();
        var accounts = await db.Users.Where(u => u.ResidentId != null && ids.Contains(u.ResidentId.Value)).Select(u => new { u.Id, u.ResidentId }).ToListAsync(ct);
        db.InboxMessages.AddRange(accounts.Select(a => new InboxMessage
        {
            UserId = a.Id, Title = $"议事邀请：{day.Title}", CreatedAt = now, Link = "my/activities",
            Body = $"您作为{teamNames[teamOf[residents[a.ResidentId!.Value]]]}成员受邀参加{day.Date:yyyy-MM-dd}在{day.Place}举行的{day.Title}，请在“社区活动”中确认是否参加。",
        }));
    }
}

/// <summary>A volunteer confirms or declines their own invitation (确认/婉拒), up to the day.</summary>
public sealed record AnswerInvitation(int InvitationId, bool? Confirm);

public sealed class AnswerInvitationHandler(CivicGridDbContext db)
{
    public const string ChooseAnswer = "请选择参加或婉拒";

    public async Task<Outcome<InvitationAnswer>> HandleAsync(AnswerInvitation c, CancellationToken ct)
    {
        if (c.Confirm is not { } confirm)
        {
            return Outcome<InvitationAnswer>.Invalid("confirm", ChooseAnswer);
        }
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is null)
        {
            return Outcome<InvitationAnswer>.Forbidden(ActivityParts.NotResident);
        }
        var invitation = await own.Invitations.FirstOrDefaultAsync(i => i.Id == c.InvitationId, ct);
        var mine = await own.Volunteers.Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            // Someone else's invitation is not shown to exist, but the refusal says why nothing changed.
            return Outcome<InvitationAnswer>.Invalid("invitationId", InvitationRules.NotYours);
        }
        var date = await own.InvitedDays.Where(d => d.Id == invitation.DeliberationDayId).Select(d => d.Date).FirstAsync(ct);
        if (InvitationRules.MayAnswer(invitation, mine, date, db.Clock.Today()) is { } refusal)
        {
            return Outcome<InvitationAnswer>.Invalid("invitationId", refusal);
        }
        (invitation.Answer, invitation.AnsweredAt) = (confirm ? InvitationAnswer.Confirmed : InvitationAnswer.Declined, db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Outcome<InvitationAnswer>.Ok(invitation.Answer);
    }
}

/// <summary>
/// Staff mark who attended a deliberation day (登记出席), on or after the day and once: each invited member is marked
/// attended or not, the day is recorded as held, and each attendee is credited the day's length as hours
/// (<see cref="HoursSource.Deliberation"/>, one entry per volunteer and day). A name not invited refuses it all.
/// </summary>
public sealed record MarkDeliberationAttendance(int DayId, IReadOnlyList<int>? Attended);

public sealed record DeliberationAttendance(int Attended, int Absent, int Minutes);

public sealed class MarkDeliberationAttendanceHandler(CivicGridDbContext db)
{
    public async Task<Outcome<DeliberationAttendance>> HandleAsync(MarkDeliberationAttendance c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<DeliberationAttendance>.Forbidden(ActivityParts.NotOrganiser);
        }
        if (c.Attended is null)
        {
            return Outcome<DeliberationAttendance>.Invalid("attended", "请列出出席的成员（可为空列表）");
        }
        var day = await db.DeliberationDays.FirstOrDefaultAsync(d => d.Id == c.DayId, ct);
        if (day is null)
        {
            return Outcome<DeliberationAttendance>.NotFound();
        }
        var invitations = await db.DeliberationInvitations.Where(i => i.DeliberationDayId == day.Id).ToListAsync(ct);
        var attended = c.Attended.Distinct().ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (InvitationRules.MayMarkAttendance(invitations, attended, day.Date, db.Clock.Today()) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<DeliberationAttendance>.Invalid("attended", refusal);
        }
        day.MarkHeld(now);
        var grids = await db.Volunteers.AsNoTracking().Where(v => attended.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.GridCode, ct);
        foreach (var i in invitations)
        {
            (i.Attended, i.AttendanceMarkedAt) = (attended.Contains(i.VolunteerId), now);
            if (i.Attended == true && grids.TryGetValue(i.VolunteerId, out var grid))
            {
                db.HoursEntries.Add(new HoursEntry
                {
                    VolunteerId = i.VolunteerId, GridCode = grid, Source = HoursSource.Deliberation, SourceId = day.Id, Minutes = day.DurationMinutes,
                    Capacity = InvitationRules.Capacity, CreditedAt = now, CreditedBy = db.Jurisdiction.ActorName,
                });
            }
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return Outcome<DeliberationAttendance>.Invalid("", conflict);
        }
        return Outcome<DeliberationAttendance>.Ok(new DeliberationAttendance(attended.Count, invitations.Count - attended.Count, day.DurationMinutes));
    }
}
