using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

/// <summary>
/// Corrects what a grid worker learns on a visit: phone, residence type, move-in date and tags.
/// A null phone keeps the stored one; an empty phone removes it.
/// </summary>
public sealed record UpdateResident(int Id, string? Phone, string ResidenceType, DateOnly? MoveInDate, IReadOnlyList<string> Tags)
{
    public bool KeepsPhone => Phone is null;

    /// <param name="phone">The normalised new phone, or null to remove it; read only when the phone is not kept.</param>
    public FieldErrors Validate(out string? phone, out ResidenceType residence)
    {
        var errors = new FieldErrors();
        phone = null;
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            if (PhoneNumber.TryNormalise(Phone, out var normalised, out var reason))
            {
                phone = normalised;
            }
            else
            {
                errors[nameof(Phone)] = [reason];
            }
        }
        if (!ResidenceTypes.TryParse(ResidenceType, out residence))
        {
            errors[nameof(ResidenceType)] = ["居住类型应为户籍、常住或流动"];
        }
        return errors;
    }
}

public sealed class UpdateResidentHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<Outcome<int>> HandleAsync(UpdateResident command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<int>.Forbidden("当前角色无权修改居民信息");
        }
        var errors = command.Validate(out var phone, out var residence);
        var resident = await db.Residents.Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == command.Id, ct);
        if (resident is null)
        {
            return Outcome<int>.NotFound();
        }
        // A JSON list may hold null; it is named, not skipped.
        if (command.Tags.Any(t => t is null))
        {
            errors[nameof(command.Tags)] = ["标签列表不能含有空值（null）"];
            return Outcome<int>.Invalid(errors);
        }
        var wanted = command.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var tags = await db.Tags.Where(t => wanted.Contains(t.Name)).ToListAsync(ct);
        var unknown = wanted.Except(tags.Select(t => t.Name)).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(command.Tags)] = [$"未知标签：{string.Join("、", unknown)}"];
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        if (!command.KeepsPhone)
        {
            ApplyPhone(resident, phone);
        }
        resident.ResidenceType = residence;
        resident.MoveInDate = command.MoveInDate;
        resident.Tags.RemoveAll(t => !wanted.Contains(t.Name));
        resident.Tags.AddRange(tags.Where(t => !resident.Tags.Contains(t)));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(resident.Id);
    }

    private void ApplyPhone(Resident resident, string? phone)
    {
        var hash = phone is null ? null : protector.Hash(phone);
        if (hash == resident.PhoneHash)
        {
            return;
        }
        resident.PhoneHash = hash;
        resident.PhoneCipher = phone is null ? null : protector.Encrypt(phone);
        resident.PhoneMasked = phone is null ? null : PersonalDataMask.Phone(phone);
    }
}
