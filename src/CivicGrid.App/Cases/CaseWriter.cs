using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Saves a case move as one unit: the case and its timeline entry, the audit record, the indicator roll-up and the
/// notifications commit together or not at all. A concurrent move of the same case makes this one fail, not both succeed.
/// </summary>
public static class CaseWriter
{
    public static async Task SaveAsync(CivicGridDbContext db, Case c, CaseStats.Snapshot? before, CaseEvent move, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (c.Id == 0)
        {
            // The id is needed by the notifications and the timeline entry's own row.
            await db.SaveChangesAsync(ct);
        }
        await CaseNotifier.QueueAsync(db, c, move, ct);
        await db.SaveChangesAsync(ct);
        await CaseStats.ApplyAsync(db, before, CaseStats.Snapshot.Of(c), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Whether a failed save lost a race with another move of the same case.</summary>
    public static bool IsConflict(Exception e) => e is DbUpdateConcurrencyException;
}
