using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Territory;

/// <summary>A node of the tree with its path from the top, its children and what lives under it. No code: the caller's own node.</summary>
public sealed record GetTerritoryNode(string? Code);

public sealed class GetTerritoryNodeHandler(CivicGridDbContext db)
{
    public async Task<TerritoryNodeView?> HandleAsync(GetTerritoryNode query, CancellationToken ct)
    {
        var code = query.Code ?? await HomeCodeAsync(ct);
        if (code is null)
        {
            return null;
        }
        var node = await db.TerritoryNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == code, ct);
        if (node is null)
        {
            return null;
        }
        var ancestors = await AncestorsAsync(node, ct);
        var children = node.Level == TerritoryLevel.Grid ? [] : await ChildrenAsync(node, ct);
        var stats = new NodeStats(
            await db.TerritoryNodes.CountAsync(n => n.Level == TerritoryLevel.Grid && n.Code.StartsWith(code), ct),
            await db.Buildings.CountAsync(b => b.GridCode.StartsWith(code), ct),
            await db.Households.CountAsync(h => h.GridCode.StartsWith(code), ct),
            await db.Residents.CountAsync(r => r.GridCode.StartsWith(code), ct),
            await db.Enterprises.CountAsync(e => e.GridCode.StartsWith(code), ct));
        return new TerritoryNodeView(node.Code, node.Name, node.Level.ChineseName(), ancestors, children, stats,
            node.CentreLatitude, node.CentreLongitude);
    }

    /// <summary>The highest node the caller may see: their scope, or the district for the system.</summary>
    public async Task<string?> HomeCodeAsync(CancellationToken ct) =>
        db.Jurisdiction.ScopeCode.Length > 0
            ? db.Jurisdiction.ScopeCode
            : await db.TerritoryNodes.Where(n => n.ParentCode == null).OrderBy(n => n.Code).Select(n => n.Code).FirstOrDefaultAsync(ct);

    private async Task<List<NodeRef>> AncestorsAsync(TerritoryNode node, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var c = node.ParentCode; c is not null; c = TerritoryCode.ParentOf(c))
        {
            codes.Add(c);
        }
        // Names of enclosing places are public; only what lies inside them is scoped.
        var nodes = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => codes.Contains(n.Code)).ToListAsync(ct);
        return nodes.OrderBy(n => n.Code.Length).Select(n => new NodeRef(n.Code, n.Name, n.Level.ChineseName())).ToList();
    }

    private async Task<List<ChildNode>> ChildrenAsync(TerritoryNode node, CancellationToken ct)
    {
        var children = await db.TerritoryNodes.AsNoTracking().Where(n => n.ParentCode == node.Code).OrderBy(n => n.Code).ToListAsync(ct);
        var length = TerritoryCode.LengthOf(node.Level + 1);
        var residents = await db.Residents.Where(r => r.GridCode.StartsWith(node.Code))
            .GroupBy(r => r.GridCode.Substring(0, length)).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var households = await db.Households.Where(h => h.GridCode.StartsWith(node.Code))
            .GroupBy(h => h.GridCode.Substring(0, length)).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return children.Select(c => new ChildNode(c.Code, c.Name, c.Level.ChineseName(),
            residents.GetValueOrDefault(c.Code), households.GetValueOrDefault(c.Code))).ToList();
    }
}
