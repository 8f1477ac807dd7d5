using CivicGrid.App.Data;
using CivicGrid.App.Territory;
using CivicGrid.Core.PublicServices.Coverage;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>The 15-minute coverage (15分钟生活圈) of a node of the tree; no node: the caller's own; no type: every type.</summary>
public sealed record GetCoverage(string? TypeCode = null, string? NodeCode = null);

public sealed class GetCoverageHandler(CivicGridDbContext db, CoverageCache cache, IOptions<CoverageOptions> options, GetTerritoryNodeHandler nodes)
{
    public async Task<Outcome<CoverageReport>> HandleAsync(GetCoverage query, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(query.NodeCode) ? await nodes.HomeCodeAsync(ct) : query.NodeCode.Trim();
        var node = code is null ? null : await db.TerritoryNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == code, ct);
        if (node is null)
        {
            return Outcome<CoverageReport>.NotFound();
        }
        var snapshot = await cache.GetAsync(db, ct);
        var type = string.IsNullOrWhiteSpace(query.TypeCode) ? null : query.TypeCode.Trim();
        if (type is not null && snapshot.TypeIndex(type) < 0)
        {
            return Outcome<CoverageReport>.Invalid(nameof(query.TypeCode), $"未知的阵地类型“{type}”");
        }
        var types = type is null ? Enumerable.Range(0, snapshot.Types.Count).ToList() : [snapshot.TypeIndex(type)];
        var names = await db.TerritoryNodes.AsNoTracking().Where(n => n.Code.StartsWith(node.Code))
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var grids = snapshot.GridsUnder(node.Code).ToList();
        var gridRows = grids.SelectMany(g => types.Select(t => Area(snapshot, snapshot.GridCodes[g], names, [g], t))).ToList();
        return Outcome<CoverageReport>.Ok(new CoverageReport(
            Ref(node), await ParentAsync(node, ct), CoverageFigures.Method(snapshot.Walking), options.Value.GapThreshold, type,
            TypeRows(snapshot, node.Code, grids), Children(snapshot, node, names, types), gridRows,
            CoverageFigures.Gaps(gridRows, options.Value.GapThreshold),
            grids.Sum(snapshot.Result.Grids.Households), FloorArea(snapshot, node.Code).Sum(f => f.FloorArea),
            ServiceFloorArea.PerHundredHouseholds(FloorArea(snapshot, node.Code), grids.Sum(snapshot.Result.Grids.Households)),
            snapshot.ComputedAt, snapshot.Version));
    }

    private static List<TypeCoverage> TypeRows(CoverageSnapshot snapshot, string code, List<int> grids) =>
        snapshot.Types.Select((t, i) => new TypeCoverage(t.Code, t.Name,
            snapshot.Facilities.Count(f => f.TypeIndex == i && f.GridCode.StartsWith(code, StringComparison.Ordinal)),
            CoverageFigures.Shares(snapshot, grids, i))).ToList();

    private static List<AreaCoverage> Children(CoverageSnapshot snapshot, TerritoryNode node, Dictionary<string, string> names, List<int> types)
    {
        if (node.Level == TerritoryLevel.Grid)
        {
            return [];
        }
        var length = TerritoryCode.LengthOf(node.Level + 1);
        var children = names.Keys.Where(c => c.Length == length).Order(StringComparer.Ordinal);
        return children.SelectMany(c => types.Select(t => Area(snapshot, c, names, snapshot.GridsUnder(c).ToList(), t))).ToList();
    }

    private static AreaCoverage Area(CoverageSnapshot snapshot, string code, Dictionary<string, string> names, List<int> grids, int type) =>
        new(code, names.GetValueOrDefault(code, code), snapshot.Types[type].Code, snapshot.Types[type].Name, CoverageFigures.Shares(snapshot, grids, type));

    /// <summary>All facility types' facilities in the area: the floor area counted per hundred households.</summary>
    private static IEnumerable<CoverageFacility> FloorArea(CoverageSnapshot snapshot, string code) =>
        snapshot.Facilities.Where(f => f.GridCode.StartsWith(code, StringComparison.Ordinal)).Select(f => f.ToKernel());

    private async Task<NodeRef?> ParentAsync(TerritoryNode node, CancellationToken ct) =>
        node.ParentCode is null ? null
            : await db.TerritoryNodes.AsNoTracking().Where(n => n.Code == node.ParentCode).Select(n => Ref(n)).FirstOrDefaultAsync(ct);

    private static NodeRef Ref(TerritoryNode n) => new(n.Code, n.Name, n.Level.ChineseName());
}
