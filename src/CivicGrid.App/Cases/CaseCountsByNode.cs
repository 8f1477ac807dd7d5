using CivicGrid.App.Data.Replica;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// The summed indicator counts of every node of one level (grid codes cut to <paramref name="CodeLength"/> digits) over a
/// range of months, from the same roll-up the dashboard reads: one grouped query for all nodes. Assessment reads it.
/// </summary>
public sealed record CaseCountsByNode(int CodeLength, string FromMonth, string ToMonth);

public sealed class CaseCountsByNodeHandler(ReportingReads reads)
{
    public async Task<IReadOnlyDictionary<string, IndicatorCounts>> HandleAsync(CaseCountsByNode query, CancellationToken ct)
    {
        var db = await reads.DbAsync(ct);
        var (from, to, length) = (query.FromMonth, query.ToMonth, query.CodeLength);
        var rows = db.CaseMonthlyStats.AsNoTracking().Where(s => string.Compare(s.Month, from) >= 0 && string.Compare(s.Month, to) <= 0);
        // The prefix length goes in as a constant, so PostgreSQL sees the same expression in SELECT and GROUP BY.
        var grouped = length switch
        {
            9 => rows.GroupBy(s => s.GridCode.Substring(0, 9)),
            12 => rows.GroupBy(s => s.GridCode.Substring(0, 12)),
            _ => throw new ArgumentOutOfRangeException(nameof(query), "Streets (9) or communities (12)."),
        };
        var sums = await grouped.Select(IndicatorGrouping.Summed<CaseMonthlyStat>()).ToListAsync(ct);
        return sums.Select(s => s.ToKeyed()).ToDictionary(s => s.Key, s => s.Counts, StringComparer.Ordinal);
    }
}
