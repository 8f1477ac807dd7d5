using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Demo.Activities;

public sealed record DemoVolunteer(int Id, string GridCode);

public sealed record DemoDay(int Id, string HostCode, DateOnly Date, int DurationMinutes, DateTime? HeldAt);

public sealed record DemoTeamIds(int Team, int Member, int Invitation, int Hours);

public sealed record DemoTeamRows(List<VolunteerTeam> Teams, List<TeamMember> Members, List<DeliberationInvitation> Invitations, List<HoursEntry> Hours);

/// <summary>
/// The demo's think-tank teams: the five groups in every community, each community's volunteers spread over them with
/// skills from the teams' lists (every third in a second team), and for each community's deliberation day up to eight
/// members invited — most confirm, some decline or do not answer; on a held day most who confirmed attended and were
/// credited the meeting's length. Deterministic: the same input gives the same rows.
/// </summary>
public static class DemoTeams
{
    public const int InvitedPerDay = 8;

    public static DemoTeamRows Generate(IReadOnlyList<string> communities, IReadOnlyList<ThinkTankGroup> groups, IReadOnlyList<DemoVolunteer> volunteers,
        IReadOnlyList<DemoDay> days, DateTime now, DemoTeamIds ids)
    {
        var rows = new DemoTeamRows([], [], [], []);
        var (teamId, memberId, invitationId, hoursId) = ids;
        var teamsOf = new Dictionary<string, List<VolunteerTeam>>(StringComparer.Ordinal);
        foreach (var community in communities)
        {
            teamsOf[community] = groups.Select(g => new VolunteerTeam
            {
                Id = teamId++, CommunityCode = community, Name = g.Name, ThinkTankGroupId = g.Id, SkillList = ThinkTankTeams.DefaultSkills(g.Name),
                CreatedAt = now.AddDays(-90),
            }).ToList();
            rows.Teams.AddRange(teamsOf[community]);
        }
        var grids = volunteers.ToDictionary(v => v.Id, v => v.GridCode);
        foreach (var here in volunteers.Where(v => teamsOf.ContainsKey(v.GridCode[..12])).GroupBy(v => v.GridCode[..12]))
        {
            var teams = teamsOf[here.Key];
            foreach (var (v, k) in here.OrderBy(v => v.Id).Select((v, k) => (v, k)))
            {
                rows.Members.Add(Member(teams[k % teams.Count], v.Id, k, memberId++, now));
                if (k % 3 == 0 && teams.Count > 1)
                {
                    rows.Members.Add(Member(teams[(k + 2) % teams.Count], v.Id, k + 1, memberId++, now));
                }
            }
        }
        foreach (var day in days.Where(d => teamsOf.ContainsKey(d.HostCode)))
        {
            var order = teamsOf[day.HostCode].Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var invited = rows.Members.Where(m => order.ContainsKey(m.TeamId)).OrderBy(m => order[m.TeamId] == 4 ? 0 : 1).ThenBy(m => m.Id)
                .DistinctBy(m => m.VolunteerId).Take(InvitedPerDay).ToList();
            foreach (var (m, i) in invited.Select((m, i) => (m, i)))
            {
                var answer = i % 5 == 3 ? InvitationAnswer.Declined : i % 7 == 6 ? InvitationAnswer.NoAnswer : InvitationAnswer.Confirmed;
                var invitedAt = day.Date.AddDays(-10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                var attended = day.HeldAt is null ? (bool?)null : answer == InvitationAnswer.Confirmed && i % 6 != 5;
                rows.Invitations.Add(new DeliberationInvitation
                {
                    Id = invitationId++, DeliberationDayId = day.Id, VolunteerId = m.VolunteerId, TeamId = m.TeamId, HostCode = day.HostCode, Answer = answer,
                    InvitedAt = invitedAt, InvitedBy = "演示数据", AnsweredAt = answer == InvitationAnswer.NoAnswer ? null : invitedAt.AddDays(1 + i % 3),
                    Attended = attended, AttendanceMarkedAt = day.HeldAt,
                });
                if (attended == true)
                {
                    rows.Hours.Add(new HoursEntry
                    {
                        Id = hoursId++, VolunteerId = m.VolunteerId, GridCode = grids[m.VolunteerId], Source = HoursSource.Deliberation, SourceId = day.Id,
                        Minutes = day.DurationMinutes, Capacity = InvitationRules.Capacity, CreditedAt = day.HeldAt!.Value, CreditedBy = "演示数据",
                    });
                }
            }
        }
        return rows;
    }

    private static TeamMember Member(VolunteerTeam team, int volunteerId, int k, int id, DateTime now)
    {
        var list = TeamSkills.Parse(team.SkillList);
        var skills = list.Count == 0 ? [] : k % 2 == 0 ? new[] { list[k % list.Count], list[(k + 1) % list.Count] }.Distinct() : [list[k % list.Count]];
        return new TeamMember
        {
            Id = id, TeamId = team.Id, VolunteerId = volunteerId, CommunityCode = team.CommunityCode, Skills = TeamSkills.Join(skills),
            JoinedAt = now.AddDays(-80 + k % 30), AddedBy = "演示数据",
        };
    }
}
