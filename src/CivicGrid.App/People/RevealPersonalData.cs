using CivicGrid.App.Data.Writes;
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
    /// <summary>The page's field takes 100 characters; an API caller's longer reason is kept to the same length.</summary>
    public const int MaxReasonLength = 100;

    public async Task<Outcome<RevealedPersonalData>> HandleAsync(RevealPersonalData command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.MayRevealPersonalData())
        {
            return Outcome<RevealedPersonalData>.Forbidden("当前角色无权查看完整个人信息");
        }
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Outcome<RevealedPersonalData>.Invalid("reason", "请填写查看事由，事由将记入审计日志");
        }
        var r = await db.Residents.AsNoTracking().Where(x => x.Id == command.ResidentId)
            .Select(x => new { x.IdNumberCipher, x.PhoneCipher }).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return Outcome<RevealedPersonalData>.NotFound();
        }
        AuditTrail.Record(db, "reveal", "Resident", command.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"IdNumber,Phone: {Reason(command.Reason)}");
        await db.SaveChangesAsync(ct);
        return Outcome<RevealedPersonalData>.Ok(new RevealedPersonalData(command.ResidentId,
            protector.Decrypt(r.IdNumberCipher), r.PhoneCipher is null ? null : protector.Decrypt(r.PhoneCipher)));
    }

    /// <summary>The reason as the audit log keeps it: numbers typed into it are masked like any free text.</summary>
    private static string Reason(string reason)
    {
        var text = Core.People.PersonalDataMask.InText(reason.Trim());
        return text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
    }
}
