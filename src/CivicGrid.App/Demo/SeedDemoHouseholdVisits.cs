using CivicGrid.App.Data;
using CivicGrid.App.Visits;
using CivicGrid.Core.Demo.Visits;
using CivicGrid.Core.Visits;

namespace CivicGrid.App.Demo;

/// <summary>
/// A year of grid workers' household visits over the whole district, by the bulk path in one transaction: the
/// households and the policy's households of attention are read as the plan reads them. Does nothing when visits are
/// already there. The member met is left out (no one named), which the plan does not read.
/// </summary>
public sealed record SeedDemoHouseholdVisits;

public sealed class SeedDemoHouseholdVisitsHandler(CivicGridDbContext db, BulkInsert bulk, VisitPlanReader reader)
{
    /// <summary>Returns how many visits were written; run as the system, over the whole district.</summary>
    public async Task<int> HandleAsync(SeedDemoHouseholdVisits command, CancellationToken ct)
    {
        var firstId = await bulk.NextIdAsync<HouseholdVisit>(ct);
        if (firstId > 1)
        {
            return 0;
        }
        var policy = await reader.PolicyAsync(ct);
        var households = await reader.HouseholdsAsync(policy, db.Jurisdiction.ScopeCode, ct);
        var visits = DemoHouseholdVisits.Generate(households, policy, db.Clock.Today(), firstId, db.Clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(visits, ct);
        await transaction.CommitAsync(ct);
        return visits.Count;
    }
}
