using CivicGrid.Core.Activities.Teams;

namespace CivicGrid.Core.Tests.Activities;

public class TeamRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 10);

    [Fact]
    public void SkillsAreTagsFromTheTeamsList()
    {
        Assert.Equal(["法律", "规划", "医疗"], TeamSkills.Parse(" 法律，规划、医疗 法律"));
        Assert.Equal(("医疗、法律", (string?)null), TeamSkills.ForMember("法律、规划、医疗", "医疗,法律"));
        Assert.Equal(TeamSkills.NotInList, TeamSkills.ForMember("法律、规划", "法律、烹饪").Refusal);
        Assert.Equal(TeamSkills.TooMany, TeamSkills.List("一二三四五六七八九十十一").Refusal);
        Assert.True(TeamSkills.Has("水电维修、急救", "急救"));
        Assert.False(TeamSkills.Has("水电维修、急救", "急"));
    }

    [Fact]
    public void OnlyTheInviteeAnswersAndOnlyUpToTheDay()
    {
        var invitation = new DeliberationInvitation { VolunteerId = 7, HostCode = "330105001001", InvitedBy = "社区" };
        Assert.Null(InvitationRules.MayAnswer(invitation, 7, Day, Day));
        Assert.Equal(InvitationRules.NotYours, InvitationRules.MayAnswer(invitation, 8, Day, Day));
        Assert.Equal(InvitationRules.NotYours, InvitationRules.MayAnswer(invitation, null, Day, Day));
        Assert.Equal(InvitationRules.DayPassed, InvitationRules.MayAnswer(invitation, 7, Day, Day.AddDays(1)));
        Assert.Equal(InvitationRules.DayPassed, InvitationRules.MayInvite(Day, Day.AddDays(1)));
    }

    [Fact]
    public void AttendanceIsMarkedOnceOnOrAfterTheDayForInviteesOnly()
    {
        List<DeliberationInvitation> invited = [new() { VolunteerId = 1, HostCode = "x", InvitedBy = "s" }, new() { VolunteerId = 2, HostCode = "x", InvitedBy = "s" }];
        Assert.Equal(InvitationRules.DayNotYet, InvitationRules.MayMarkAttendance(invited, [1], Day, Day.AddDays(-1)));
        Assert.Equal(InvitationRules.NotInvited, InvitationRules.MayMarkAttendance(invited, [1, 3], Day, Day));
        Assert.Null(InvitationRules.MayMarkAttendance(invited, [1], Day, Day.AddDays(3)));
        invited[0].AttendanceMarkedAt = new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(InvitationRules.AlreadyMarked, InvitationRules.MayMarkAttendance(invited, [1], Day, Day));
    }
}
