using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Activities.Teams;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>The small demo's term of activities holds together as the use cases would have left it.</summary>
public class DemoActivitiesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSmallDemosTermIsConsistentAndHoursComeOnlyFromHeldSessionsServed(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, DemoScale.Small);
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var servers = db.SessionServers;
        var allSessions = db.ActivitySessions;
        var volunteers = await db.Volunteers.CountAsync();
        Assert.InRange(volunteers, 100, 200);
        // A few enterprises' employees among them, each where their enterprise is, none a resident.
        var employees = await db.Volunteers.Where(v => v.EnterpriseId != null).ToListAsync();
        Assert.InRange(employees.Count, 1, volunteers / 10);
        Assert.All(employees, e => Assert.Null(e.ResidentId));
        Assert.Equal(employees.Count, await db.Volunteers.CountAsync(v => db.Enterprises.Any(f => f.Id == v.EnterpriseId && f.GridCode == v.GridCode)));
        Assert.True(await db.ActivitySessions.CountAsync(s => s.Status == SessionStatus.Held) > 0);
        Assert.True(await db.ActivitySessions.CountAsync(s => s.Status == SessionStatus.Published) > 0);
        // Every hour credited is for a held session the volunteer served.
        var stray = await db.HoursEntries.CountAsync(h => h.Source == HoursSource.Activity && (!servers.Any(x => x.SessionId == h.SourceId && x.VolunteerId == h.VolunteerId)
            || !allSessions.Any(s => s.Id == h.SourceId && s.Status == SessionStatus.Held)));
        Assert.Equal(0, stray);
        // Counters match the rows, within capacity; the class's attendees are over 60.
        var sessions = await db.ActivitySessions.Include(s => s.Activity).ToListAsync();
        var counts = await db.ActivitySignUps.GroupBy(s => s.SessionId)
            .Select(g => new { g.Key, Taken = g.Count(s => s.Status == RosterStatus.Confirmed), In = g.Count(s => s.CheckedInAt != null) }).ToDictionaryAsync(g => g.Key);
        Assert.All(sessions, s => Assert.Equal(s.Taken, counts[s.Id].Taken));
        Assert.All(sessions, s => Assert.True(s.Taken <= s.Activity!.Capacity));
        var youngest = await db.ActivitySignUps.Where(x => allSessions.Any(s => s.Id == x.SessionId && s.Activity!.AudienceRule == "age >= 60"))
            .Join(db.Residents, x => x.ResidentId, r => r.Id, (x, r) => r.BirthDate).MaxAsync();
        Assert.True(youngest <= new DateOnly(1966, 11, 23));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSmallDemosThinkTankMembersWereInvitedAndOnlyThoseWhoAttendedAHeldDayHaveItsHours(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, DemoScale.Small);
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var communities = await db.TerritoryNodes.CountAsync(n => n.Level == Core.Territory.TerritoryLevel.Community);
        Assert.Equal(communities * 5, await db.VolunteerTeams.CountAsync(t => t.ThinkTankGroupId != null));
        var teams = db.VolunteerTeams;
        Assert.True(await db.TeamMembers.CountAsync() >= await db.Volunteers.CountAsync(v => teams.Any(t => t.CommunityCode == v.GridCode.Substring(0, 12))));
        var invitations = db.DeliberationInvitations;
        Assert.True(await invitations.CountAsync(i => i.Attended == true) > 0);
        Assert.True(await invitations.CountAsync(i => i.Answer == Core.Activities.Teams.InvitationAnswer.Declined) > 0);
        // Every deliberation hour is for a held day the volunteer was invited to and attended, at the day's length.
        var days = db.DeliberationDays;
        var stray = await db.HoursEntries.CountAsync(h => h.Source == HoursSource.Deliberation
            && (!invitations.Any(i => i.DeliberationDayId == h.SourceId && i.VolunteerId == h.VolunteerId && i.Attended == true)
                || !days.Any(d => d.Id == h.SourceId && d.HeldAt != null && d.DurationMinutes == h.Minutes)));
        Assert.Equal(0, stray);
        Assert.Equal(await invitations.CountAsync(i => i.Attended == true), await db.HoursEntries.CountAsync(h => h.Source == HoursSource.Deliberation));
        // Members' skills come from their team's list.
        var members = await db.TeamMembers.Join(db.VolunteerTeams, m => m.TeamId, t => t.Id, (m, t) => new { m.Skills, t.SkillList }).ToListAsync();
        Assert.All(members, m => Assert.Null(Core.Activities.Teams.TeamSkills.ForMember(m.SkillList, m.Skills).Refusal));
    }
}
