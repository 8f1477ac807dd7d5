using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities.Teams;

/// <summary>A volunteer joins a team of their own community, bringing skills from its list (or none yet).</summary>
public sealed record JoinTeam(int TeamId, string? Skills);

/// <summary>A volunteer leaves a team they are in.</summary>
public sealed record LeaveTeam(int TeamId);

/// <summary>A team of the volunteer's community they are not in yet, with the skills it asks for.</summary>
public sealed record OpenTeam(int Id, string Name, bool ThinkTank, IReadOnlyList<string> Skills);

public sealed class JoinTeamHandler(CivicGridDbContext db)
{
    public const string NotVolunteer = "请先注册为志愿者，再加入团队";

    public async Task<Outcome<int>> HandleAsync(JoinTeam c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is null)
        {
            return Outcome<int>.Forbidden(ActivityParts.NotResident);
        }
        if (await own.Volunteers.AsNoTracking().FirstOrDefaultAsync(ct) is not { } volunteer)
        {
            return Outcome<int>.Invalid("team", NotVolunteer);
        }
        // Another community's team is not found: a resident sees only their own community's.
        if (await own.CommunityTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TeamId, ct) is not { } team)
        {
            return Outcome<int>.NotFound();
        }
        var (skills, refusal) = TeamSkills.ForMember(team.SkillList, c.Skills);
        if (refusal is not null)
        {
            return Outcome<int>.Invalid("skills", refusal);
        }
        if (await own.TeamMemberships.AnyAsync(m => m.TeamId == team.Id, ct))
        {
            return Outcome<int>.Invalid("team", "您已在该团队中");
        }
        var member = new TeamMember
        {
            TeamId = team.Id, VolunteerId = volunteer.Id, CommunityCode = team.CommunityCode, Skills = skills,
            JoinedAt = db.Clock.GetUtcNow().UtcDateTime, AddedBy = db.Jurisdiction.ActorName,
        };
        db.TeamMembers.Add(member);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? Outcome<int>.Invalid("team", conflict) : Outcome<int>.Ok(member.Id);
    }

    public async Task<Outcome<int>> HandleAsync(LeaveTeam c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (await own.TeamMemberships.FirstOrDefaultAsync(m => m.TeamId == c.TeamId, ct) is not { } member)
        {
            return Outcome<int>.NotFound();
        }
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(member.Id);
    }
}
