using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Activities.Teams;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>
/// Think-tank members from team to hours: the five groups become a community's teams, staff put volunteers in with
/// skills, invite by team and skill, members answer in their inbox's wake, and attendance on the day credits the
/// meeting's length once. Each refusal says why in Chinese and changes nothing.
/// </summary>
public partial class ThinkTankTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task MembersAreInvitedByTeamAndSkillConfirmAndAttendingCreditsTheDayOnce(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (community, lawyer, medic, stranger) = await PeopleAsync(app);
        var staff = AccountJurisdiction.Of(StaffRole.CommunityStaff, community, "社区", null);
        var volunteers = new Dictionary<int, int>();
        foreach (var (resident, skills) in new[] { (lawyer, "律师"), (medic, "医生"), (stranger, "") })
        {
            await using var s = app.Scope(Resident(resident));
            volunteers[resident] = (await s.Get<RegisterVolunteerHandler>().HandleAsync(new RegisterVolunteer(skills), None)).Value!.Id;
        }
        int dayId, experts;
        await using (var s = app.Scope(staff))
        {
            Assert.Equal(5, (await s.Get<EnsureThinkTankTeamsHandler>().HandleAsync(new EnsureThinkTankTeams(community), None)).Value);
            Assert.Equal(0, (await s.Get<EnsureThinkTankTeamsHandler>().HandleAsync(new EnsureThinkTankTeams(community), None)).Value);
            var teams = await s.Get<ListTeamsHandler>().HandleAsync(new ListTeams(community), None);
            Assert.Equal(["邻里帮帮团", "质量监督团", "应急突击队", "职能联动团", "专家咨询团"], teams.Select(t => t.Name));
            experts = teams.Single(t => t.Name == "专家咨询团").Id;
            var members = s.Get<TeamMembersHandler>();
            Assert.Equal(TeamSkills.NotInList, (await members.HandleAsync(new AddTeamMember(experts, volunteers[lawyer], "法律、烹饪"), None)).Errors["skills"].Single());
            Assert.Equal(0, await s.Db.TeamMembers.CountAsync());
            Assert.Equal(OutcomeKind.Ok, (await members.HandleAsync(new AddTeamMember(experts, volunteers[lawyer], "法律、规划"), None)).Kind);
            Assert.Equal(OutcomeKind.Ok, (await members.HandleAsync(new AddTeamMember(experts, volunteers[medic], "医疗"), None)).Kind);
            var day = new DeliberationDay { HostCode = community, Title = "加装电梯议事会", Date = new DateOnly(2026, 11, 25), Place = "社区议事厅", DurationMinutes = 90 };
            s.Db.DeliberationDays.Add(day);
            await s.Db.SaveChangesAsync();
            dayId = day.Id;

            var matches = (await s.Get<GetDayInvitationsHandler>().HandleAsync(new GetDayInvitations(dayId, [experts], "法律"), None)).Value!.Matches;
            Assert.Equal([volunteers[lawyer]], matches.Select(m => m.VolunteerId));
            var invite = s.Get<InviteMembersHandler>();
            var refused = await invite.HandleAsync(new InviteMembers(dayId, [experts], [volunteers[lawyer], volunteers[stranger]]), None);
            Assert.Equal(InvitationRules.NotMember, refused.Errors["volunteerIds"].Single());
            Assert.Equal(0, await s.Db.DeliberationInvitations.CountAsync());
            Assert.Equal(2, (await invite.HandleAsync(new InviteMembers(dayId, [experts], [volunteers[lawyer], volunteers[medic]]), None)).Value!.Invited);
            Assert.Equal(2, (await invite.HandleAsync(new InviteMembers(dayId, [experts], [volunteers[lawyer], volunteers[medic]]), None)).Value!.AlreadyInvited);
            Assert.Equal(2, await s.Db.InboxMessages.CountAsync(m => m.Title == "议事邀请：加装电梯议事会" && m.Link == "my/activities"));
        }
        int lawyersInvitation;
        await using (var s = app.Scope(Resident(lawyer)))
        {
            var mine = await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None);
            Assert.Equal(["法律", "规划"], mine.Teams.Single().Skills);
            lawyersInvitation = mine.Invitations.Single().Id;
            Assert.Equal(InvitationAnswer.Confirmed, (await s.Get<AnswerInvitationHandler>().HandleAsync(new AnswerInvitation(lawyersInvitation, true), None)).Value);
        }
        await using (var s = app.Scope(Resident(medic)))
        {
            var answer = s.Get<AnswerInvitationHandler>();
            Assert.Equal(InvitationRules.NotYours, (await answer.HandleAsync(new AnswerInvitation(lawyersInvitation, false), None)).Errors["invitationId"].Single());
            var own = (await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None)).Invitations.Single().Id;
            Assert.Equal(InvitationAnswer.Declined, (await answer.HandleAsync(new AnswerInvitation(own, false), None)).Value);
        }
        await using (var s = app.Scope(staff))
        {
            var view = (await s.Get<GetDayInvitationsHandler>().HandleAsync(new GetDayInvitations(dayId), None)).Value!;
            Assert.Equal((1, 1, 0), (view.Confirmed, view.Declined, view.NoAnswer));
            var mark = s.Get<MarkDeliberationAttendanceHandler>();
            Assert.Equal(InvitationRules.DayNotYet, (await mark.HandleAsync(new MarkDeliberationAttendance(dayId, [volunteers[lawyer]]), None)).Errors["attended"].Single());
        }
        app.Clock.Advance(TimeSpan.FromDays(2));
        await using (var s = app.Scope(staff))
        {
            var mark = s.Get<MarkDeliberationAttendanceHandler>();
            Assert.Equal(InvitationRules.NotInvited, (await mark.HandleAsync(new MarkDeliberationAttendance(dayId, [volunteers[lawyer], volunteers[stranger]]), None)).Errors["attended"].Single());
            Assert.Equal(0, await s.Db.HoursEntries.CountAsync());
            Assert.Null((await s.Db.DeliberationDays.AsNoTracking().SingleAsync(d => d.Id == dayId)).HeldAt);
            Assert.Equal((1, 1, 90), (await mark.HandleAsync(new MarkDeliberationAttendance(dayId, [volunteers[lawyer]]), None)).Value! is var done ? (done.Attended, done.Absent, done.Minutes) : default);
            Assert.Equal(InvitationRules.AlreadyMarked, (await mark.HandleAsync(new MarkDeliberationAttendance(dayId, [volunteers[lawyer]]), None)).Errors["attended"].Single());
            Assert.NotNull((await s.Db.DeliberationDays.AsNoTracking().SingleAsync(d => d.Id == dayId)).HeldAt);
            Assert.Equal(1, await s.Db.HoursEntries.CountAsync(h => h.Source == HoursSource.Deliberation && h.SourceId == dayId));
        }
        await using (var s = app.Scope(Resident(lawyer)))
        {
            var mine = await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None);
            Assert.Equal(90, mine.Volunteer!.Minutes);
            Assert.Equal(("加装电梯议事会", InvitationRules.Capacity), (mine.Volunteer.Lines.Single().Title, mine.Volunteer.Lines.Single().Capacity));
            Assert.True(mine.Invitations.Single().Attended);
        }
        app.Clock.Advance(TimeSpan.FromDays(1));
        await using (var s = app.Scope(Resident(medic)))
        {
            var own = (await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None)).Invitations.Single();
            Assert.False(own.MayAnswer);
            Assert.Equal(InvitationRules.DayPassed, (await s.Get<AnswerInvitationHandler>().HandleAsync(new AnswerInvitation(own.Id, true), None)).Errors["invitationId"].Single());
        }
    }

    private static AccountJurisdiction Resident(int residentId) =>
        AccountJurisdiction.Of(StaffRole.Resident, "", "居民", null, userId: $"resident-{residentId}");

    private static async Task<(string Community, int A, int B, int C)> PeopleAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var people = await db.Residents.Where(r => r.DepartedOn == null).OrderBy(r => r.GridCode).ThenBy(r => r.Id).Select(r => new { r.Id, r.GridCode }).Take(3).ToListAsync();
        foreach (var p in people)
        {
            db.Users.Add(new StaffUser { Id = $"resident-{p.Id}", UserName = $"resident-{p.Id}", DisplayName = "居民", Role = StaffRole.Resident, ScopeCode = "", ResidentId = p.Id });
        }
        await db.SaveChangesAsync();
        return (people[0].GridCode[..12], people[0].Id, people[1].Id, people[2].Id);
    }
}
