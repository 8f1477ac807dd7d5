using System.Data.Common;
using System.Net.Sockets;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// When the database cannot be reached, answers 503 with Retry-After instead of an error page, so clients and load
/// balancers wait and retry; nothing is half-saved because every write is one transaction. The next request that
/// reaches the database works again without a restart.
/// </summary>
public sealed class DatabaseOutage(RequestDelegate next, ILogger<DatabaseOutage> log)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsUnreachable(e) && !context.Response.HasStarted)
        {
            log.LogWarning("Database unreachable: {Message}", e.GetBaseException().Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem("数据库暂时无法连接，请稍后重试", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }
    }

    /// <summary>Connection failures, not query errors: a refused socket, or the server turning new sessions away.</summary>
    private static bool IsUnreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or TimeoutException
                || (inner is DbException db && (db.SqlState is "57P01" or "57P02" or "57P03" or "55000" or "08001" or "08006" or "53300")))
            {
                return true;
            }
        }
        return false;
    }
}
