using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Hosting;

/// <summary>Security headers on every response; the content security policy allows no inline script.</summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; connect-src 'self'; " +
        $"img-src 'self' data: {map.Value.TileOrigin()}".TrimEnd();

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(self)";
        return next(context);
    }
}

/// <summary>The map's base layer. No tiles by default: the grids are drawn on a plain background and no request leaves the site.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";
    /// <summary>A Leaflet tile URL template such as https://tiles.example/{z}/{x}/{y}.png.</summary>
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }

    public string TileOrigin() =>
        Uri.TryCreate(TileUrl?.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : "";
}
