using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>The last visit of each enterprise in some buildings, grouped in SQL: one row per firm, never the visits themselves.</summary>
internal static class LastVisits
{
    public static async Task<List<(int EnterpriseId, DateOnly Day)>> InAsync(CivicGridDbContext db, IQueryable<int> buildingIds, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.EnterpriseVisits.Where(v => buildingIds.Contains(v.BuildingId) && v.At <= nowUtc)
            .GroupBy(v => v.EnterpriseId).Select(g => new { Id = g.Key, At = g.Max(v => v.At) }).ToListAsync(ct);
        return rows.Select(r => (r.Id, SweepScope.DayOf(r.At))).ToList();
    }
}
