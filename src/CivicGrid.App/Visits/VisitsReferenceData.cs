using CivicGrid.App.Data;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>Seeds the default visit policy once; a policy the district has edited is left as it is.</summary>
public static class VisitsReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (!await db.VisitPolicies.AnyAsync(ct))
        {
            db.VisitPolicies.Add(VisitPolicy.Default());
            await db.SaveChangesAsync(ct);
        }
    }
}
