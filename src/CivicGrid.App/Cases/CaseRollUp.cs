using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>The case indicators per grid and month follow every write of a case, whichever path writes it.</summary>
internal sealed class CaseRollUp : IRowRollUp
{
    public Type Entity => typeof(Case);

    public void Queue(SqlBatch batch, IReadOnlyList<RowChange> changes)
    {
        if (changes.All(c => c.Before is null && c.After is not null))
        {
            CaseStats.QueueReceived(batch, changes.Select(c => (Case)c.After!));
            return;
        }
        foreach (var change in changes)
        {
            var before = change.Before is Case old ? CaseStats.Snapshot.Of(old) : (CaseStats.Snapshot?)null;
            // A deleted case takes its counts away where they were kept.
            var after = change.After is Case c ? CaseStats.Snapshot.Of(c) : before!.Value with { Counts = IndicatorCounts.Zero };
            CaseStats.Queue(batch, before, after);
        }
    }
}
