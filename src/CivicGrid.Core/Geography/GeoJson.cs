using System.Globalization;
using System.Text;

namespace CivicGrid.Core.Geography;

/// <summary>Writes GeoJSON geometry text without a serializer, so the core stays free of packages.</summary>
public static class GeoJson
{
    public static string Polygon(double[][] ring)
    {
        var sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (var i = 0; i < ring.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }
            sb.Append(CultureInfo.InvariantCulture, $"[{Math.Round(ring[i][0], 6)},{Math.Round(ring[i][1], 6)}]");
        }
        return sb.Append("]]}").ToString();
    }
}
