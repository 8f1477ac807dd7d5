using CivicGrid.App.Data;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities.Teams;

/// <summary>The teams of the jurisdiction (or of one community), each with its members and their skills.</summary>
public sealed record ListTeams(string? CommunityCode = null);

public sealed record TeamView(int Id, string CommunityCode, string Name, bool ThinkTank, IReadOnlyList<string> Skills, IReadOnlyList<MemberView> Members);

public sealed record MemberView(int VolunteerId, string Name, IReadOnlyList<string> Skills);

public sealed class ListTeamsHandler(CivicGridDbContext db)
{
    public const int MaxTeams = 100;

    public async Task<IReadOnlyList<TeamView>> HandleAsync(ListTeams q, CancellationToken ct)
    {
        var teams = db.VolunteerTeams.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.CommunityCode))
        {
            var code = q.CommunityCode.Trim();
            teams = teams.Where(t => t.CommunityCode == code);
        }
        var list = await teams.OrderBy(t => t.CommunityCode).ThenBy(t => t.ThinkTankGroupId == null).ThenBy(t => t.ThinkTankGroupId).ThenBy(t => t.Id)
            .Take(MaxTeams).ToListAsync(ct);
        var ids = list.ConvertAll(t => t.Id);
        var members = await db.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.TeamId))
            .Join(db.Volunteers, m => m.VolunteerId, v => v.Id, (m, v) => new { m.TeamId, m.VolunteerId, v.Name, m.Skills })
            .ToListAsync(ct);
        return list.ConvertAll(t => new TeamView(t.Id, t.CommunityCode, t.Name, t.ThinkTankGroupId is not null, TeamSkills.Parse(t.SkillList),
            members.Where(m => m.TeamId == t.Id).OrderBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => new MemberView(m.VolunteerId, m.Name, TeamSkills.Parse(m.Skills))).ToList()));
    }
}

/// <summary>Staff add a team to a community, or change a team's name or skill list (团队维护).</summary>
public sealed record SaveTeam(int? Id, string? CommunityCode, string? Name, string? Skills);

public sealed class SaveTeamHandler(CivicGridDbContext db)
{
    public const string NameTaken = "本社区已有同名团队";
    public const string NotCommunity = "请选择辖区内的社区";
    public const string NameRequired = "请填写团队名称（不超过30字）";

    public async Task<Outcome<int>> HandleAsync(SaveTeam c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<int>.Forbidden(ActivityParts.NotOrganiser);
        }
        var name = (c.Name ?? "").Trim();
        if (name.Length is 0 or > VolunteerTeam.MaxNameLength)
        {
            return Outcome<int>.Invalid("name", NameRequired);
        }
        var (skills, refusal) = TeamSkills.List(c.Skills);
        if (refusal is not null)
        {
            return Outcome<int>.Invalid("skills", refusal);
        }
        var team = c.Id is { } id ? await db.VolunteerTeams.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (c.Id is not null && team is null)
        {
            return Outcome<int>.NotFound();
        }
        var community = team?.CommunityCode ?? (c.CommunityCode ?? "").Trim();
        if (team is null && !await db.TerritoryNodes.AnyAsync(n => n.Code == community && n.Level == TerritoryLevel.Community, ct))
        {
            return Outcome<int>.Invalid("communityCode", NotCommunity);
        }
        if (await db.VolunteerTeams.AnyAsync(t => t.CommunityCode == community && t.Name == name && t.Id != (c.Id ?? 0), ct))
        {
            return Outcome<int>.Invalid("name", NameTaken);
        }
        if (team is null)
        {
            team = new VolunteerTeam { CommunityCode = community, Name = name, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
            db.VolunteerTeams.Add(team);
        }
        (team.Name, team.SkillList) = (name, skills);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(team.Id);
    }
}

/// <summary>Gives a community the five think-tank groups as teams, those it lacks; returns how many were added.</summary>
public sealed record EnsureThinkTankTeams(string? CommunityCode);

public sealed class EnsureThinkTankTeamsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(EnsureThinkTankTeams c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<int>.Forbidden(ActivityParts.NotOrganiser);
        }
        var community = (c.CommunityCode ?? "").Trim();
        if (!await db.TerritoryNodes.AnyAsync(n => n.Code == community && n.Level == TerritoryLevel.Community, ct))
        {
            return Outcome<int>.Invalid("communityCode", SaveTeamHandler.NotCommunity);
        }
        var added = Missing(await GroupsAsync(db, ct), community,
            await db.VolunteerTeams.Where(t => t.CommunityCode == community).Select(t => t.Name).ToListAsync(ct), db.Clock.GetUtcNow().UtcDateTime);
        db.VolunteerTeams.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(added.Count);
    }

    internal static Task<List<ThinkTankGroup>> GroupsAsync(CivicGridDbContext db, CancellationToken ct) =>
        db.ThinkTankGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);

    /// <summary>The think-tank teams a community lacks, by name.</summary>
    public static List<VolunteerTeam> Missing(IEnumerable<ThinkTankGroup> groups, string community, IReadOnlyCollection<string> existing, DateTime now) =>
        groups.Where(g => !existing.Contains(g.Name)).Select(g => new VolunteerTeam
        {
            CommunityCode = community, Name = g.Name, ThinkTankGroupId = g.Id, SkillList = ThinkTankTeams.DefaultSkills(g.Name), CreatedAt = now,
        }).ToList();
}

/// <summary>
/// Staff put a volunteer of their jurisdiction in a team with skills from its list, or change their skills; the
/// volunteer is named by number, or by name among the volunteers of the team's community.
/// </summary>
public sealed record AddTeamMember(int TeamId, int? VolunteerId, string? Skills, string? VolunteerName = null);

/// <summary>Staff take a volunteer out of a team.</summary>
public sealed record RemoveTeamMember(int TeamId, int VolunteerId);

public sealed class TeamMembersHandler(CivicGridDbContext db)
{
    public const string NoVolunteer = "未找到该志愿者，请先登记为志愿者";

    public async Task<Outcome<int>> HandleAsync(AddTeamMember c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<int>.Forbidden(ActivityParts.NotOrganiser);
        }
        var team = await db.VolunteerTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TeamId, ct);
        if (team is null)
        {
            return Outcome<int>.NotFound();
        }
        var (found, refusal) = await VolunteerAsync(c, team.CommunityCode, ct);
        if (found is not { } volunteerId)
        {
            return Outcome<int>.Invalid("volunteerId", refusal!);
        }
        var (skills, skillRefusal) = TeamSkills.ForMember(team.SkillList, c.Skills);
        if (skillRefusal is not null)
        {
            return Outcome<int>.Invalid("skills", skillRefusal);
        }
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.VolunteerId == volunteerId, ct);
        if (member is null)
        {
            member = new TeamMember
            {
                TeamId = team.Id, VolunteerId = volunteerId, CommunityCode = team.CommunityCode, JoinedAt = db.Clock.GetUtcNow().UtcDateTime,
                AddedBy = db.Jurisdiction.ActorName,
            };
            db.TeamMembers.Add(member);
        }
        member.Skills = skills;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? Outcome<int>.Invalid("", conflict) : Outcome<int>.Ok(member.Id);
    }

    /// <summary>The volunteer by number, or the one volunteer of that name in the team's community.</summary>
    private async Task<(int? Id, string? Refusal)> VolunteerAsync(AddTeamMember c, string community, CancellationToken ct)
    {
        if (c.VolunteerId is { } id)
        {
            return await db.Volunteers.AnyAsync(v => v.Id == id, ct) ? (id, null) : (null, NoVolunteer);
        }
        var name = c.VolunteerName?.Trim() ?? "";
        var named = name.Length == 0 ? [] : await db.Volunteers.Where(v => v.Name == name && v.GridCode.StartsWith(community)).Select(v => v.Id).Take(10).ToListAsync(ct);
        return named.Count switch
        {
            1 => (named[0], null),
            0 => (null, NoVolunteer),
            _ => (null, $"本社区有 {named.Count} 位名为“{name}”的志愿者，请填写志愿者编号"),
        };
    }

    public async Task<Outcome<int>> HandleAsync(RemoveTeamMember c, CancellationToken ct)
    {
        if (!db.MayOrganise())
        {
            return Outcome<int>.Forbidden(ActivityParts.NotOrganiser);
        }
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == c.TeamId && m.VolunteerId == c.VolunteerId, ct);
        if (member is null)
        {
            return Outcome<int>.NotFound();
        }
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(member.Id);
    }
}
