using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Activities.Teams;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>Volunteers join and leave their community's teams themselves; staff add members by name; a day's length is set when it is scheduled.</summary>
public partial class ThinkTankTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AVolunteerJoinsATeamOfTheirCommunityWithSkillsFromItsListAndLeavesIt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (community, volunteer, notVolunteer, _) = await PeopleAsync(app);
        int experts, elsewhere;
        await using (var s = app.Scope(AccountJurisdiction.Of(StaffRole.CommunityStaff, community, "社区", null)))
        {
            await s.Get<EnsureThinkTankTeamsHandler>().HandleAsync(new EnsureThinkTankTeams(community), None);
            experts = (await s.Get<ListTeamsHandler>().HandleAsync(new ListTeams(community), None)).Single(t => t.Name == "专家咨询团").Id;
        }
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var other = await system.Db.TerritoryNodes.Where(n => n.Level == Core.Territory.TerritoryLevel.Community && n.Code != community).Select(n => n.Code).FirstAsync();
            var team = new VolunteerTeam { CommunityCode = other, Name = "邻社区帮帮团", SkillList = "维修" };
            system.Db.VolunteerTeams.Add(team);
            await system.Db.SaveChangesAsync();
            elsewhere = team.Id;
        }
        await using (var s = app.Scope(Resident(notVolunteer)))
        {
            Assert.Equal(JoinTeamHandler.NotVolunteer, (await s.Get<JoinTeamHandler>().HandleAsync(new JoinTeam(experts, null), None)).Errors["team"].Single());
            Assert.Empty((await s.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None)).OpenTeams);
        }
        await using var me = app.Scope(Resident(volunteer));
        await me.Get<RegisterVolunteerHandler>().HandleAsync(new RegisterVolunteer("律师"), None);
        var join = me.Get<JoinTeamHandler>();
        var open = (await me.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None)).OpenTeams;
        var wrongSkill = await join.HandleAsync(new JoinTeam(experts, "烹饪"), None);
        var foreign = await join.HandleAsync(new JoinTeam(elsewhere, null), None);
        var joined = await join.HandleAsync(new JoinTeam(experts, "法律"), None);
        var twice = await join.HandleAsync(new JoinTeam(experts, null), None);
        var after = await me.Get<MyActivitiesHandler>().HandleAsync(new MyActivities(), None);
        var left = await join.HandleAsync(new LeaveTeam(experts), None);
        var leftAgain = await join.HandleAsync(new LeaveTeam(experts), None);

        Assert.Equal(5, open.Count);
        Assert.DoesNotContain(open, t => t.Id == elsewhere);
        Assert.Contains("法律", open.Single(t => t.Id == experts).Skills);
        Assert.Equal(TeamSkills.NotInList, wrongSkill.Errors["skills"].Single());
        Assert.Equal(OutcomeKind.NotFound, foreign.Kind);
        Assert.Equal(OutcomeKind.Ok, joined.Kind);
        Assert.Equal("您已在该团队中", twice.Errors["team"].Single());
        Assert.Equal((experts, "专家咨询团"), (after.Teams.Single().Id, after.Teams.Single().Name));
        Assert.Equal(["法律"], after.Teams.Single().Skills);
        Assert.Equal(4, after.OpenTeams.Count);
        Assert.Equal(OutcomeKind.Ok, left.Kind);
        Assert.Equal(OutcomeKind.NotFound, leftAgain.Kind);
        Assert.Equal(0, await me.Db.TeamMembers.IgnoreQueryFilters().CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffAddAMemberByNameUnlessTheNameIsAmbiguousAndADaysLengthIsSetWhenScheduled(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (community, a, b, c) = await PeopleAsync(app);
        var ids = new Dictionary<int, int>();
        foreach (var resident in new[] { a, b, c })
        {
            await using var s = app.Scope(Resident(resident));
            ids[resident] = (await s.Get<RegisterVolunteerHandler>().HandleAsync(new RegisterVolunteer(""), None)).Value!.Id;
        }
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            await system.Db.Volunteers.Where(v => v.Id == ids[a]).ExecuteUpdateAsync(v => v.SetProperty(x => x.Name, "张建国"));
            await system.Db.Volunteers.Where(v => v.Id == ids[b] || v.Id == ids[c]).ExecuteUpdateAsync(v => v.SetProperty(x => x.Name, "李秀英"));
        }
        await using var staff = app.Scope(AccountJurisdiction.Of(StaffRole.CommunityStaff, community, "社区", null));
        await staff.Get<EnsureThinkTankTeamsHandler>().HandleAsync(new EnsureThinkTankTeams(community), None);
        var team = (await staff.Get<ListTeamsHandler>().HandleAsync(new ListTeams(community), None)).Single(t => t.Name == "邻里帮帮团").Id;
        var members = staff.Get<TeamMembersHandler>();

        var byName = await members.HandleAsync(new AddTeamMember(team, null, null, " 张建国 "), None);
        var ambiguous = await members.HandleAsync(new AddTeamMember(team, null, null, "李秀英"), None);
        var nobody = await members.HandleAsync(new AddTeamMember(team, null, null, "王五"), None);
        var days = staff.Get<DeliberationDaysHandler>();
        var date = new DateOnly(2026, 12, 10);
        var ninety = await days.HandleAsync(new ScheduleDeliberationDay(community, "加装电梯议事会", date, "议事厅", 90), None);
        var tooShort = await days.HandleAsync(new ScheduleDeliberationDay(community, "加装电梯议事会", date, "议事厅", 10), None);
        var plain = await days.HandleAsync(new ScheduleDeliberationDay(community, "停车议事会", date, "议事厅"), None);

        Assert.Equal(OutcomeKind.Ok, byName.Kind);
        Assert.Equal([ids[a]], await staff.Db.TeamMembers.Where(m => m.TeamId == team).Select(m => m.VolunteerId).ToListAsync());
        Assert.Equal("本社区有 2 位名为“李秀英”的志愿者，请填写志愿者编号", ambiguous.Errors["volunteerId"].Single());
        Assert.Equal(TeamMembersHandler.NoVolunteer, nobody.Errors["volunteerId"].Single());
        Assert.Equal("议事时长应在 30 到 480 分钟之间", tooShort.Errors["DurationMinutes"].Single());
        var lengths = await staff.Db.DeliberationDays.Where(d => d.Id == ninety.Value || d.Id == plain.Value).OrderBy(d => d.Id).Select(d => d.DurationMinutes).ToListAsync();
        Assert.Equal([90, DeliberationDay.DefaultDurationMinutes], lengths);
    }
}
