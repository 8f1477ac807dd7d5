using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

/// <summary>Shows a resident's full ID number and phone to a role that may see them, and records that it did.</summary>
public sealed record RevealPersonalData(int ResidentId, string? Reason);

public sealed class RevealPersonalDataHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<Outcome<RevealedPersonalData>> HandleAsync(RevealPersonalData command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayRevealPersonalData())
        {
            return Outcome<RevealedPersonalData>.Forbidden("当前角色无权查看完整个人信息");
        }
        var r = await db.Residents.AsNoTracking().Where(x => x.Id == command.ResidentId)
            .Select(x => new { x.IdNumberCipher, x.PhoneCipher }).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return Outcome<RevealedPersonalData>.NotFound();
        }
        AuditTrail.Record(db, "reveal", "Resident", command.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(command.Reason) ? "IdNumber,Phone" : $"IdNumber,Phone: {command.Reason.Trim()}");
        await db.SaveChangesAsync(ct);
        return Outcome<RevealedPersonalData>.Ok(new RevealedPersonalData(command.ResidentId,
            protector.Decrypt(r.IdNumberCipher), r.PhoneCipher is null ? null : protector.Decrypt(r.PhoneCipher)));
    }
}
