using System.Globalization;
using System.Text;
using QRCoder;

namespace CivicGrid.Web.Access;

/// <summary>
/// A QR code as inline SVG: one path of dark modules drawn with presentation attributes only, so the page's content
/// security policy (no inline styles) holds and the code never leaves the server.
/// </summary>
public static class QrSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        var n = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
