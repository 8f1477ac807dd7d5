using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.Cases;

/// <summary>
/// Keeps the indicator roll-ups (per grid, and per street) in step with the cases: each save adds a case's new counts and
/// takes away its old ones, in both.
/// </summary>
public static class CaseStats
{
    private static readonly string[] Columns =
        ["Received", "RespondedOnTime", "Accepted", "Due", "Resolved", "Closed", "ClosedOnTime", "Reworked", "Extended", "Rated", "Satisfied", "BasicallySatisfied"];

    private static readonly string GridUpsert = UpsertInto("CaseMonthlyStats", "GridCode");
    private static readonly string StreetUpsert = UpsertInto("CaseMonthlyStreetStats", "StreetCode");

    private static readonly int StreetLength = TerritoryCode.LengthOf(TerritoryLevel.Street);

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
        var grids = received.Select(Snapshot.Of).GroupBy(s => s with { Counts = IndicatorCounts.Zero })
            .Select(row => (row.Key, Counts: row.Aggregate(IndicatorCounts.Zero, (sum, s) => sum + s.Counts))).ToList();
        foreach (var (key, counts) in grids)
        {
            AddRow(batch, GridUpsert, key, key.GridCode, counts);
        }
        foreach (var street in grids.GroupBy(g => g.Key with { GridCode = StreetOf(g.Key.GridCode) }))
        {
            AddRow(batch, StreetUpsert, street.Key, street.Key.GridCode, street.Aggregate(IndicatorCounts.Zero, (sum, g) => sum + g.Counts));
        }
    }

    /// <summary>The street a grid lies in: the first nine digits of its code.</summary>
    public static string StreetOf(string gridCode) => gridCode[..StreetLength];

    private static void Add(SqlBatch batch, Snapshot key, IndicatorCounts delta)
    {
        AddRow(batch, GridUpsert, key, key.GridCode, delta);
        AddRow(batch, StreetUpsert, key, StreetOf(key.GridCode), delta);
    }

    private static void AddRow(SqlBatch batch, string upsert, Snapshot key, string place, IndicatorCounts delta)
    {
        if (delta.IsZero)
        {
            return;
        }
        object[] values =
        [
            key.Month, place, key.ItemCode, key.DepartmentCode, delta.Received, delta.RespondedOnTime, delta.Accepted, delta.Due, delta.Resolved,
            delta.Closed, delta.ClosedOnTime, delta.Reworked, delta.Extended, delta.Rated, delta.Satisfied, delta.BasicallySatisfied,
        ];
        batch.Add(upsert, values);
    }

    private static string UpsertInto(string table, string place) =>
        $"INSERT INTO \"{table}\" (\"Month\", \"{place}\", \"ItemCode\", \"DepartmentCode\", {string.Join(", ", Columns.Select(c => $"\"{c}\""))}) " +
        $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {string.Join(", ", Columns.Select((_, i) => $"{{{i + 4}}}"))}) " +
        $"ON CONFLICT (\"Month\", \"{place}\", \"ItemCode\", \"DepartmentCode\") DO UPDATE SET " +
        string.Join(", ", Columns.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""));
}
