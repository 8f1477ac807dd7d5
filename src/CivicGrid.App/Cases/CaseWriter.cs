using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Saves a case move as one unit: the case and its timeline entry with their audit entries and indicator roll-up,
/// then in one more round trip the notifications, all committed together or not at all. A concurrent move of the
/// same case makes this one fail, not both succeed.
/// </summary>
public static class CaseWriter
{
    public static async Task SaveAsync(CivicGridDbContext db, Case c, CaseEvent move, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The case's id, which the messages name, is known once this save has run.
        await db.SaveChangesAsync(ct);
        var batch = new SqlBatch();
        CaseNotifier.Queue(batch, c, move, db.Jurisdiction.UserId);
        await batch.ExecuteAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Whether a failed save lost a race with another move of the same case.</summary>
    public static bool IsConflict(Exception e) => e is DbUpdateConcurrencyException;
}
