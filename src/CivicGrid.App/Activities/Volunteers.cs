using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>The signed-in resident registers as a volunteer (志愿者注册) with their skills, or changes the skills.</summary>
public sealed record RegisterVolunteer(string? Skills);

public sealed record VolunteerView(int Id, string Name, string Skills, int Minutes);

public sealed class RegisterVolunteerHandler(CivicGridDbContext db)
{
    public async Task<Outcome<VolunteerView>> HandleAsync(RegisterVolunteer c, CancellationToken ct)
    {
        var own = await db.OwnHouseholdAsync(ct);
        if (own.ResidentId is not { } residentId)
        {
            return Outcome<VolunteerView>.Forbidden(ActivityParts.NotResident);
        }
        var skills = (c.Skills ?? "").Trim();
        if (skills.Length > Volunteer.MaxSkillsLength)
        {
            return Outcome<VolunteerView>.Invalid("skills", $"技能特长不超过{Volunteer.MaxSkillsLength}字");
        }
        var volunteer = await own.Volunteers.FirstOrDefaultAsync(ct);
        if (volunteer is null)
        {
            var me = await own.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.Name, r.GridCode }).FirstAsync(ct);
            volunteer = new Volunteer { ResidentId = residentId, GridCode = me.GridCode, Name = me.Name, RegisteredAt = db.Clock.GetUtcNow().UtcDateTime };
            db.Volunteers.Add(volunteer);
        }
        volunteer.Skills = skills;
        await db.SaveChangesAsync(ct);
        var minutes = await own.HoursEntries.SumAsync(h => h.Minutes, ct);
        return Outcome<VolunteerView>.Ok(new VolunteerView(volunteer.Id, volunteer.Name, volunteer.Skills, minutes));
    }
}

/// <summary>The volunteers of the jurisdiction (through their grid), with their hours, by name.</summary>
public sealed record ListVolunteers(string? Search = null, int Page = 1, int PageSize = 50);

public sealed record VolunteerRow(int Id, string Name, string GridCode, string Skills, int Minutes, int Sessions)
{
    /// <summary>An enterprise's employee rather than a resident.</summary>
    public bool Employee { get; init; }
}

public sealed class ListVolunteersHandler(CivicGridDbContext db)
{
    public async Task<Page<VolunteerRow>> HandleAsync(ListVolunteers q, CancellationToken ct)
    {
        var size = Page<VolunteerRow>.Clamp(q.PageSize);
        var page = Math.Max(1, q.Page);
        var volunteers = db.Volunteers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            volunteers = volunteers.Where(v => v.Name.Contains(text) || v.Skills.Contains(text));
        }
        var total = await volunteers.CountAsync(ct);
        var hours = db.HoursEntries;
        var rows = await volunteers.OrderBy(v => v.Name).ThenBy(v => v.Id).Skip((page - 1) * size).Take(size)
            .Select(v => new VolunteerRow(v.Id, v.Name, v.GridCode, v.Skills,
                hours.Where(h => h.VolunteerId == v.Id).Sum(h => (int?)h.Minutes) ?? 0,
                hours.Count(h => h.VolunteerId == v.Id)) { Employee = v.EnterpriseId != null })
            .ToListAsync(ct);
        return new Page<VolunteerRow>(rows, page, size, total);
    }
}

/// <summary>Hours credited per community of the volunteers' homes, within the jurisdiction.</summary>
public sealed record HoursByCommunity;

public sealed record CommunityHours(string CommunityCode, int Volunteers, int Minutes);

public sealed class HoursByCommunityHandler(CivicGridDbContext db)
{
    /// <summary>Summed per volunteer in SQL (a distinct count inside a group does not translate), then per community here:
    /// one row per volunteer with hours is small beside the ledger.</summary>
    public async Task<IReadOnlyList<CommunityHours>> HandleAsync(HoursByCommunity q, CancellationToken ct)
    {
        var perVolunteer = await db.HoursEntries.AsNoTracking()
            .GroupBy(h => new { Community = h.GridCode.Substring(0, 12), h.VolunteerId })
            .Select(g => new { g.Key.Community, Minutes = g.Sum(h => h.Minutes) })
            .ToListAsync(ct);
        return perVolunteer.GroupBy(v => v.Community).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CommunityHours(g.Key, g.Count(), g.Sum(v => v.Minutes))).ToList();
    }
}
