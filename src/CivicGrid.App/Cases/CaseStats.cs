using CivicGrid.App.Data;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>Keeps the indicator roll-up in step with the cases: each save adds a case's new counts and takes away its old ones.</summary>
public static class CaseStats
{
    private static readonly string[] Columns =
        ["Received", "RespondedOnTime", "Accepted", "Due", "Resolved", "Closed", "ClosedOnTime", "Reworked", "Extended", "Rated", "Satisfied", "BasicallySatisfied"];

    private static readonly string Upsert =
        $"INSERT INTO \"CaseMonthlyStats\" (\"Month\", \"GridCode\", \"ItemCode\", \"DepartmentCode\", {string.Join(", ", Columns.Select(c => $"\"{c}\""))}) " +
        $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {string.Join(", ", Columns.Select((_, i) => $"{{{i + 4}}}"))}) " +
        "ON CONFLICT (\"Month\", \"GridCode\", \"ItemCode\", \"DepartmentCode\") DO UPDATE SET " +
        string.Join(", ", Columns.Select(c => $"\"{c}\" = \"CaseMonthlyStats\".\"{c}\" + excluded.\"{c}\""));

    /// <summary>Where a case's counts are kept and what they are, taken before and after a move.</summary>
    public readonly record struct Snapshot(string Month, string GridCode, string ItemCode, string DepartmentCode, IndicatorCounts Counts)
    {
        public static Snapshot Of(Case c) =>
            new(MonthOf(c.ReceivedAt), c.GridCode, c.ItemCode, c.DepartmentCode ?? "", IndicatorCounts.Of(c));

        public bool SameKey(Snapshot other) =>
            Month == other.Month && GridCode == other.GridCode && ItemCode == other.ItemCode && DepartmentCode == other.DepartmentCode;
    }

    public static string MonthOf(DateTime utc) => (utc + WorkingCalendar.ChinaOffset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Queues the change from <paramref name="before"/> to <paramref name="after"/>, to run inside the save's transaction.</summary>
    public static void Queue(SqlBatch batch, Snapshot? before, Snapshot after)
    {
        if (before is { } old && old.SameKey(after))
        {
            Add(batch, after, after.Counts - old.Counts);
            return;
        }
        if (before is { } moved)
        {
            Add(batch, moved, moved.Counts.Negate());
        }
        Add(batch, after, after.Counts);
    }

    /// <summary>Queues the counts of newly received cases, one upsert per roll-up row however many cases share it.</summary>
    public static void QueueReceived(SqlBatch batch, IEnumerable<Case> received)
    {
        foreach (var row in received.Select(Snapshot.Of).GroupBy(s => s with { Counts = IndicatorCounts.Zero }))
        {
            Add(batch, row.Key, row.Aggregate(IndicatorCounts.Zero, (sum, s) => sum + s.Counts));
        }
    }

    private static void Add(SqlBatch batch, Snapshot key, IndicatorCounts delta)
    {
        if (delta.IsZero)
        {
            return;
        }
        object[] values =
        [
            key.Month, key.GridCode, key.ItemCode, key.DepartmentCode, delta.Received, delta.RespondedOnTime, delta.Accepted, delta.Due, delta.Resolved,
            delta.Closed, delta.ClosedOnTime, delta.Reworked, delta.Extended, delta.Rated, delta.Satisfied, delta.BasicallySatisfied,
        ];
        batch.Add(Upsert, values);
    }
}
