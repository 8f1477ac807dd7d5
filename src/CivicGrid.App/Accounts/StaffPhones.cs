using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>
/// A staff account's phone is personal data like a resident's: stored as cipher text, found by its keyed hash, shown
/// masked. Identity's plain PhoneNumber column is left empty.
/// </summary>
public static class StaffPhones
{
    public static void Set(StaffUser user, string? phone, PersonalDataProtector protector)
    {
        user.PhoneNumber = null;
        user.PhoneHash = phone is null ? null : protector.Hash(phone);
        user.PhoneCipher = phone is null ? null : protector.Encrypt(phone);
        user.PhoneMasked = phone is null ? null : PersonalDataMask.Phone(phone);
    }

    /// <summary>Moves phones stored in the plain column by an earlier version into cipher text; run at start-up and by <c>migrate</c>.</summary>
    public static async Task<int> EncryptPlainAsync(CivicGridDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var plain = await db.Users.Where(u => u.PhoneNumber != null).ToListAsync(ct);
        foreach (var user in plain)
        {
            Set(user, user.PhoneNumber, protector);
        }
        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
