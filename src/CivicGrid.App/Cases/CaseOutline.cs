using System.Text;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// The grids' outlines as a GeoJSON feature collection, for marking where a case is. Boundaries and names of grids are
/// public knowledge, so residents get them too; nothing about the people inside is included.
/// </summary>
public sealed class CaseOutlineHandler(CivicGridDbContext db)
{
    public async Task<string> HandleAsync(CancellationToken ct)
    {
        var grids = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Level == TerritoryLevel.Grid && n.Boundary != null).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Name, n.Boundary }).ToListAsync(ct);
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < grids.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"type\":\"Feature\",\"geometry\":").Append(grids[i].Boundary)
                .Append(",\"properties\":").Append(JsonSerializer.Serialize(new { code = grids[i].Code, name = grids[i].Name })).Append('}');
        }
        return json.Append("]}").ToString();
    }
}
