using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Web.Open311;

/// <summary>
/// Limits posted requests per client address. The api_key arrives in the form body, which the limiter runs before,
/// so the address is the partition; a rejection answers in the Open311 error format.
/// </summary>
internal sealed class Open311RateLimit(int perMinute) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var http = context.HttpContext;
        var format = http.GetRouteValue("format") as string;
        await Open311Document.Error(format, StatusCodes.Status429TooManyRequests, "请求过于频繁，请稍后再试").ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
}
