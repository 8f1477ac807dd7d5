using System.Text.Json.Nodes;
using CivicGrid.App.Data;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Territory;

/// <summary>
/// The map of a node as a GeoJSON FeatureCollection: its children's boundaries and its own outline, or a grid's boundary
/// and buildings.
/// </summary>
public sealed record GetTerritoryMap(string Code);

public sealed class GetTerritoryMapHandler(CivicGridDbContext db)
{
    public async Task<JsonObject?> HandleAsync(GetTerritoryMap query, CancellationToken ct)
    {
        var node = await db.TerritoryNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == query.Code, ct);
        if (node is null)
        {
            return null;
        }
        var features = new JsonArray();
        var areas = node.Level == TerritoryLevel.Grid
            ? [node]
            : await db.TerritoryNodes.AsNoTracking().Where(n => n.ParentCode == node.Code).OrderBy(n => n.Code).ToListAsync(ct);
        foreach (var area in areas.Where(a => a.Boundary is not null))
        {
            features.Add(Feature(JsonNode.Parse(area.Boundary!), new JsonObject
            {
                ["code"] = area.Code, ["name"] = area.Name, ["level"] = area.Level.ChineseName(), ["kind"] = "area",
            }));
        }
        if (node.Level != TerritoryLevel.Grid && node.Boundary is not null)
        {
            features.Add(Feature(JsonNode.Parse(node.Boundary), new JsonObject
            {
                ["code"] = node.Code, ["name"] = node.Name, ["level"] = node.Level.ChineseName(), ["kind"] = "outline",
            }));
        }
        if (node.Level == TerritoryLevel.Grid)
        {
            var buildings = await db.Buildings.AsNoTracking().Where(b => b.GridCode == node.Code).OrderBy(b => b.Code).ToListAsync(ct);
            foreach (var b in buildings)
            {
                features.Add(Feature(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(b.Longitude, b.Latitude) },
                    new JsonObject { ["id"] = b.Id, ["code"] = b.Code, ["name"] = b.Name, ["address"] = b.Address, ["kind"] = b.IsOffice ? "office" : "building" }));
            }
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonObject Feature(JsonNode? geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };
}
