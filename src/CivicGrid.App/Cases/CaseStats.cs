using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Applies the change from <paramref name="before"/> to <paramref name="after"/>; call inside the save's transaction.</summary>
    public static async Task ApplyAsync(CivicGridDbContext db, Snapshot? before, Snapshot after, CancellationToken ct)
    {
        if (before is { } old && old.SameKey(after))
        {
            await AddAsync(db, after, after.Counts - old.Counts, ct);
            return;
        }
        if (before is { } moved)
        {
            await AddAsync(db, moved, moved.Counts.Negate(), ct);
        }
        await AddAsync(db, after, after.Counts, ct);
    }

    private static async Task AddAsync(CivicGridDbContext db, Snapshot key, IndicatorCounts delta, CancellationToken ct)
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
#pragma warning disable EF1002 // the statement is a constant; values are parameters
        await db.Database.ExecuteSqlRawAsync(Upsert, values, ct);
#pragma warning restore EF1002
    }
}
