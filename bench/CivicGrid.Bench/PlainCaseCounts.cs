using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// The anchor of the indicator requests: the same counts grouped from the cases themselves, past the roll-up. Returns
/// the cases received, so a scenario can check the roll-up agrees.
/// </summary>
internal static class PlainCaseCounts
{
    /// <param name="under">The place's code prefix ("" for the district).</param>
    /// <param name="keyLength">The length of the child code the counts are grouped by (9 for streets, 12 for communities).</param>
    public static async Task<int> ReceivedAsync(BenchDatabase database, string under, int keyLength, DateTime from, DateTime to)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var rows = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.GridCode.StartsWith(under) && c.ReceivedAt >= from && c.ReceivedAt < to)
            .GroupBy(c => c.GridCode.Substring(0, keyLength))
            .Select(g => new
            {
                g.Key,
                Received = g.Count(),
                Accepted = g.Count(c => c.AcceptedAt != null),
                Closed = g.Count(c => c.ClosedAt != null),
                Rated = g.Count(c => c.Rating != null),
                Satisfied = g.Count(c => c.Rating == Core.Cases.CaseRating.Satisfied),
                Reworked = g.Count(c => c.ReworkCount > 0),
            })
            .ToListAsync();
        return rows.Sum(r => r.Received);
    }
}
