using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises;

/// <summary>The enterprise with a credit code, if the actor's jurisdiction shows it; an enterprise contact's own when no code is given.</summary>
public sealed record FindEnterprise(string? CreditCode);

public sealed class FindEnterpriseHandler(CivicGridDbContext db)
{
    public async Task<int?> HandleAsync(FindEnterprise query, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.CreditCode))
        {
            return db.Jurisdiction.OwnEnterpriseId;
        }
        return CreditCode.TryNormalise(query.CreditCode, out var code, out _)
            ? await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            : null;
    }
}
