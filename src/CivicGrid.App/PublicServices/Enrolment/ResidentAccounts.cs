using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>The resident record behind the signed-in resident's account, if staff have linked one.</summary>
public sealed class ResidentAccounts(CivicGridDbContext db)
{
    public async Task<int?> ResidentIdAsync(CancellationToken ct) => db.Jurisdiction.UserId is { } userId
        ? await db.Users.Where(u => u.Id == userId).Select(u => u.ResidentId).FirstOrDefaultAsync(ct)
        : null;
}
