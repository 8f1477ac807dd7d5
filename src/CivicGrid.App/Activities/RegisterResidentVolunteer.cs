using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Activities;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// Staff register a resident of their jurisdiction as a volunteer (代为登记志愿者) — one without an account, or without a
/// phone — found by name and ID number together; a resident already registered keeps their record.
/// </summary>
public sealed record RegisterResidentVolunteer(string? Name, string? IdNumber, string? Skills);

public sealed record ResidentVolunteer(int VolunteerId, string Name, bool AlreadyRegistered);

public sealed class RegisterResidentVolunteerHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    /// <summary>Says neither which half was wrong nor whether the number exists elsewhere.</summary>
    public const string NotFound = "辖区内未找到姓名与身份证号相符的居民";

    public async Task<Outcome<ResidentVolunteer>> HandleAsync(RegisterResidentVolunteer c, CancellationToken ct)
    {
        if (!db.MayCheckIn())
        {
            return Outcome<ResidentVolunteer>.Forbidden(ActivityParts.NotDoorStaff);
        }
        var skills = (c.Skills ?? "").Trim();
        if (skills.Length > Volunteer.MaxSkillsLength)
        {
            return Outcome<ResidentVolunteer>.Invalid("skills", $"技能特长不超过{Volunteer.MaxSkillsLength}字");
        }
        var name = (c.Name ?? "").Trim();
        if (!IdNumber.TryParse(c.IdNumber, out var id, out var reason))
        {
            return Outcome<ResidentVolunteer>.Invalid("idNumber", reason);
        }
        var hash = protector.Hash(id.Value);
        var resident = await db.Residents.AsNoTracking().Where(r => r.IdNumberHash == hash && r.Name == name && r.DepartedOn == null)
            .Select(r => new { r.Id, r.Name, r.GridCode }).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return Outcome<ResidentVolunteer>.Invalid("idNumber", NotFound);
        }
        var existing = await db.Volunteers.FirstOrDefaultAsync(v => v.ResidentId == resident.Id, ct);
        if (existing is not null)
        {
            return Outcome<ResidentVolunteer>.Ok(new ResidentVolunteer(existing.Id, existing.Name, true));
        }
        var volunteer = new Volunteer
        {
            ResidentId = resident.Id, GridCode = resident.GridCode, Name = resident.Name, Skills = skills, RegisteredAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return Outcome<ResidentVolunteer>.Ok(new ResidentVolunteer(volunteer.Id, volunteer.Name, false));
    }
}
