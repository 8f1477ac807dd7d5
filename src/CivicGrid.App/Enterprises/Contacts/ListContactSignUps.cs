using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Contacts;

/// <summary>The contacts' requests waiting for the caller (企业联系人申请), oldest first, with the phone and e-mail masked.</summary>
public sealed record ListContactSignUps;

public sealed record ContactSignUpView(int Id, int EnterpriseId, string Enterprise, string CreditCode, string Name, string? PhoneMasked, string? EmailMasked, DateTime CreatedAt);

public sealed class ListContactSignUpsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ContactSignUpView>>> HandleAsync(ListContactSignUps query, CancellationToken ct)
    {
        if (!ContactSignUps.MayDecide(db.Jurisdiction.Role))
        {
            return Outcome<IReadOnlyList<ContactSignUpView>>.Forbidden(ContactSignUps.Refusal);
        }
        var rows = await ContactSignUps.Pending(db).AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(200)
            .Join(db.Enterprises, s => s.EnterpriseId, e => e.Id, (s, e) => new ContactSignUpView(
                s.Id, e.Id, e.Name, e.CreditCode, s.Name, s.PhoneMasked, s.EmailMasked, s.CreatedAt))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<ContactSignUpView>>.Ok(rows);
    }
}
