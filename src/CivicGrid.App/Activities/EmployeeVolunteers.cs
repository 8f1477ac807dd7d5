using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// An enterprise's contact registers one of its employees as a volunteer (企业职工志愿者): the name, optionally a phone
/// (kept encrypted, shown masked) and skills. The volunteer lies where the enterprise does, so the community's staff
/// put them in teams and on sessions like any volunteer; their hours are credited the same way.
/// </summary>
public sealed record RegisterEmployeeVolunteer(string? Name, string? Phone, string? Skills);

/// <summary>The contact's own enterprise's employee volunteers with their hours.</summary>
public sealed record ListEmployeeVolunteers;

public sealed record EmployeeVolunteerRow(int Id, string Name, string? PhoneMasked, string Skills, int Minutes, DateTime RegisteredAt);

public sealed class EmployeeVolunteersHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public const string NoEnterprise = "您的账号尚未绑定企业，请联系所在商务社区";
    public const string NotContact = "只有企业联系人可以登记本企业的志愿者";

    public async Task<Outcome<int>> HandleAsync(RegisterEmployeeVolunteer c, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ActForOwnEnterprise))
        {
            return Outcome<int>.Forbidden(NotContact);
        }
        if (db.Jurisdiction.OwnEnterpriseId is not { } enterpriseId)
        {
            return Outcome<int>.Forbidden(NoEnterprise);
        }
        var grid = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.GridCode).FirstOrDefaultAsync(ct);
        if (grid is null)
        {
            return Outcome<int>.Forbidden(NoEnterprise);
        }
        var errors = new FieldErrors();
        var name = c.Name?.Trim() ?? "";
        if (name.Length is 0 or > Volunteer.MaxNameLength)
        {
            errors.Add("name", $"请填写 1 到 {Volunteer.MaxNameLength} 字的姓名");
        }
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(c.Phone))
        {
            if (PhoneNumber.TryNormalise(c.Phone, out var normalised, out var reason))
            {
                phone = normalised;
            }
            else
            {
                errors.Add("phone", reason);
            }
        }
        var skills = c.Skills?.Trim() ?? "";
        if (skills.Length > Volunteer.MaxSkillsLength)
        {
            errors.Add("skills", $"技能特长不超过{Volunteer.MaxSkillsLength}字");
        }
        var hash = phone is null ? null : protector.Hash(phone);
        if (hash is not null && await db.Volunteers.AnyAsync(v => v.EnterpriseId == enterpriseId && v.PhoneHash == hash, ct))
        {
            errors.Add("phone", "该手机号已登记为本企业的志愿者");
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var volunteer = new Volunteer
        {
            EnterpriseId = enterpriseId, GridCode = grid, Name = name, Skills = skills, RegisteredAt = db.Clock.GetUtcNow().UtcDateTime,
            PhoneCipher = phone is null ? null : protector.Encrypt(phone), PhoneMasked = phone is null ? null : PersonalDataMask.Phone(phone), PhoneHash = hash,
        };
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(volunteer.Id);
    }

    public async Task<Outcome<IReadOnlyList<EmployeeVolunteerRow>>> HandleAsync(ListEmployeeVolunteers q, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ActForOwnEnterprise))
        {
            return Outcome<IReadOnlyList<EmployeeVolunteerRow>>.Forbidden(NotContact);
        }
        // A contact not yet bound to an enterprise has no volunteers, as the page says.
        if (db.Jurisdiction.OwnEnterpriseId is not { } enterpriseId)
        {
            return Outcome<IReadOnlyList<EmployeeVolunteerRow>>.Ok([]);
        }
        var hours = db.OwnEnterpriseHours();
        var rows = await db.Volunteers.AsNoTracking().Where(v => v.EnterpriseId == enterpriseId).OrderBy(v => v.Name).ThenBy(v => v.Id).Take(500)
            .Select(v => new EmployeeVolunteerRow(v.Id, v.Name, v.PhoneMasked, v.Skills, hours.Where(h => h.VolunteerId == v.Id).Sum(h => (int?)h.Minutes) ?? 0, v.RegisteredAt))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<EmployeeVolunteerRow>>.Ok(rows);
    }
}
