using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.Demo;

/// <summary>The demo district's places as the GeoJSON FeatureCollection <c>import-territory</c> reads: properties code and name, the boundary as geometry.</summary>
public static class DemoTerritoryFile
{
    /// <summary>Chinese names written as they read, not as \u escapes.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string GeoJson(IEnumerable<TerritoryNode> nodes)
    {
        var features = new JsonArray();
        foreach (var node in nodes)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["code"] = node.Code, ["name"] = node.Name },
                ["geometry"] = JsonNode.Parse(node.Boundary!),
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(Readable);
    }
}
