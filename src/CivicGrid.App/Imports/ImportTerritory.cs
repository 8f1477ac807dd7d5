using System.Text.Json;
using System.Text.Json.Nodes;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Adds or updates places of the tree from a GeoJSON FeatureCollection: each feature has properties
/// <c>code</c> and <c>name</c> and a Polygon or MultiPolygon geometry. All features or none.
/// </summary>
public sealed record ImportTerritory(string GeoJson, bool Commit);

public sealed class ImportTerritoryHandler(CivicGridDbContext db, CaseLocator locator)
{
    private sealed record Feature(int Number, string Code, string Name, string Geometry, double Latitude, double Longitude);

    public async Task<Outcome<ImportReport>> HandleAsync(ImportTerritory command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<ImportReport>.Forbidden("只有区管理员可以导入区划边界");
        }
        var errors = new List<ImportError>();
        var features = Parse(command.GeoJson, errors);
        var existing = await db.SystemWork().TerritoryNodes.ToDictionaryAsync(n => n.Code, ct);
        foreach (var f in features.Where(f => TerritoryCode.ParentOf(f.Code) is { } parent && !existing.ContainsKey(parent) && features.All(o => o.Code != parent)))
        {
            errors.Add(new ImportError(f.Number, "code", $"上级区划 {TerritoryCode.ParentOf(f.Code)} 不存在"));
        }
        Chunks.RejectDuplicates(features.Select(f => (f.Number, f)).ToList(), f => f.Code, "code", "区划编码", errors);
        var inserts = features.Count(f => !existing.ContainsKey(f.Code));
        var unchanged = features.Count(f => existing.TryGetValue(f.Code, out var n) && n.Name == f.Name && n.Boundary == f.Geometry);
        var report = new ImportReport(ImportKind.Territory, features.Count, inserts, features.Count - inserts - unchanged, unchanged, errors, false);
        if (errors.Count > 0 || !command.Commit)
        {
            return Outcome<ImportReport>.Ok(report with { Inserted = errors.Count > 0 ? 0 : inserts });
        }
        foreach (var f in features.OrderBy(f => f.Code.Length))
        {
            if (!existing.TryGetValue(f.Code, out var node))
            {
                node = new TerritoryNode { Code = f.Code, Name = f.Name, Level = TerritoryCode.LevelOf(f.Code), ParentCode = TerritoryCode.ParentOf(f.Code) };
                db.TerritoryNodes.Add(node);
            }
            node.Name = f.Name;
            node.Boundary = f.Geometry;
            node.CentreLatitude = f.Latitude;
            node.CentreLongitude = f.Longitude;
        }
        await db.SaveChangesAsync(ct);
        locator.Invalidate();
        return Outcome<ImportReport>.Ok(report with { Committed = true });
    }

    private static List<Feature> Parse(string text, List<ImportError> errors)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(0, "", $"不是有效的 JSON：第{ex.LineNumber + 1}行"));
            return [];
        }
        if (root?["type"]?.GetValue<string>() != "FeatureCollection" || root["features"] is not JsonArray items)
        {
            errors.Add(new ImportError(0, "type", "应为 GeoJSON FeatureCollection"));
            return [];
        }
        var features = new List<Feature>();
        for (var i = 0; i < items.Count; i++)
        {
            if (ParseFeature(i + 1, items[i], errors) is { } feature)
            {
                features.Add(feature);
            }
        }
        return features;
    }

    private static Feature? ParseFeature(int number, JsonNode? item, List<ImportError> errors)
    {
        var code = item?["properties"]?["code"]?.ToString();
        var name = item?["properties"]?["name"]?.ToString()?.Trim();
        var geometry = item?["geometry"];
        var before = errors.Count;
        if (!TerritoryCode.IsValid(code))
        {
            errors.Add(new ImportError(number, "code", "区划编码应为6、9、12或15位数字"));
        }
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add(new ImportError(number, "name", "名称应为1至100个字"));
        }
        var positions = Positions(geometry, number, errors);
        if (errors.Count > before || positions.Count == 0)
        {
            return null;
        }
        var (lats, lons) = (positions.Select(p => p[1]).ToList(), positions.Select(p => p[0]).ToList());
        return new Feature(number, code!, name!, geometry!.ToJsonString(),
            Math.Round((lats.Min() + lats.Max()) / 2, 6), Math.Round((lons.Min() + lons.Max()) / 2, 6));
    }

    /// <summary>Every position of a Polygon or MultiPolygon whose rings are closed and whose coordinates are on Earth.</summary>
    private static List<double[]> Positions(JsonNode? geometry, int number, List<ImportError> errors)
    {
        var type = geometry?["type"]?.ToString();
        var polygons = type switch
        {
            "Polygon" => [geometry!["coordinates"] as JsonArray],
            "MultiPolygon" => (geometry!["coordinates"] as JsonArray)?.Select(p => p as JsonArray).ToList() ?? [],
            _ => null,
        };
        if (polygons is null)
        {
            errors.Add(new ImportError(number, "geometry", "边界应为 Polygon 或 MultiPolygon"));
            return [];
        }
        var positions = new List<double[]>();
        foreach (var ring in polygons.SelectMany(p => p ?? []).Select(r => r as JsonArray))
        {
            var points = ring?.Select(p => (p as JsonArray)?.Select(c => c?.GetValueKind() == JsonValueKind.Number ? c.GetValue<double>() : double.NaN).ToArray() ?? []).ToList() ?? [];
            if (points.Count < 4 || points.Any(p => p.Length < 2 || p[0] is < -180 or > 180 || p[1] is < -90 or > 90 || double.IsNaN(p[0]) || double.IsNaN(p[1]))
                || !points[0].Take(2).SequenceEqual(points[^1].Take(2)))
            {
                errors.Add(new ImportError(number, "geometry", "每个环至少4个点、首尾相同，经度在±180、纬度在±90之内"));
                return [];
            }
            positions.AddRange(points);
        }
        return positions;
    }
}
