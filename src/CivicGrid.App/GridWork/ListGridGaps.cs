using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.GridWork;

/// <summary>The grids of the caller's subtree with no active grid worker (空缺网格), with the open cases waiting in each.</summary>
public sealed record ListGridGaps;

public sealed record GridGap(string Code, string Name, string? ParentName, int OpenCases);

public sealed class ListGridGapsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<GridGap>> HandleAsync(ListGridGaps query, CancellationToken ct)
    {
        var scope = db.Jurisdiction.ScopeCode;
        if (!db.Jurisdiction.Role.MayAdminister())
        {
            return [];
        }
        var staffed = await GridWorkers.StaffedGridsAsync(db, scope, ct);
        // The territory filter already limits the nodes to the caller's subtree.
        var grids = await db.TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Grid)
            .OrderBy(n => n.Code).Select(n => new { n.Code, n.Name, n.ParentCode }).ToListAsync(ct);
        var gaps = grids.Where(g => !staffed.Contains(g.Code)).ToList();
        if (gaps.Count == 0)
        {
            return [];
        }
        var codes = gaps.Select(g => g.Code).ToList();
        var parents = gaps.Select(g => g.ParentCode).OfType<string>().Distinct().ToList();
        var parentNames = await db.TerritoryNodes.AsNoTracking().Where(n => parents.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var open = await db.Cases.Where(c => codes.Contains(c.GridCode) && CaseNames.Open.Contains(c.Status))
            .GroupBy(c => c.GridCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return gaps.ConvertAll(g => new GridGap(g.Code, g.Name, g.ParentCode is { } p ? parentNames.GetValueOrDefault(p) : null, open.GetValueOrDefault(g.Code)));
    }
}
