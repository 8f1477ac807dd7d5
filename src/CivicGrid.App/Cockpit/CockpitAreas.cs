using System.Text.Json.Nodes;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cockpit;

/// <summary>
/// The outlines of the areas one level below a subtree the caller sees the indicators of, as GeoJSON, so the cockpit's
/// map shows the territory even where no tile server is configured. The colours come with the cockpit's figures.
/// </summary>
public sealed record GetCockpitAreas(string? Scope = null);

public sealed class GetCockpitAreasHandler(CivicGridDbContext db)
{
    public async Task<Outcome<JsonObject>> HandleAsync(GetCockpitAreas query, CancellationToken ct)
    {
        var resolved = IndicatorScope.Resolve(db.Jurisdiction, query.Scope, null, null, db.Clock);
        if (resolved.Value is not { } scope)
        {
            return new(resolved.Kind, default, resolved.Errors);
        }
        var length = TerritoryCode.ChildLength(scope.Code);
        var areas = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Code.StartsWith(scope.Code) && (n.Code.Length == length || n.Code == scope.Code) && n.Boundary != null)
            .OrderBy(n => n.Code).Select(n => new { n.Code, n.Name, n.Boundary }).ToListAsync(ct);
        var features = new JsonArray();
        foreach (var area in areas)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = JsonNode.Parse(area.Boundary!),
                ["properties"] = new JsonObject { ["code"] = area.Code, ["name"] = area.Name, ["kind"] = area.Code == scope.Code ? "outline" : "area" },
            });
        }
        return Outcome<JsonObject>.Ok(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features });
    }
}
