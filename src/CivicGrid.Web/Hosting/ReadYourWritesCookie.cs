using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Read-your-writes across a lagging replica (docs/adr/0005): after a request that may have written, the primary's WAL
/// position goes back in a cookie; the client's next reporting reads go to the primary until the replica has replayed
/// past it. Does nothing without <c>Database:ReadReplica</c>.
/// </summary>
public sealed class ReadYourWritesCookie(RequestDelegate next, ReadReplica replica)
{
    public const string Name = "civicgrid-wrote";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Task InvokeAsync(HttpContext context, ReadYourWrites session)
    {
        if (!replica.Enabled)
        {
            return next(context);
        }
        if (context.Request.Cookies.TryGetValue(Name, out var wrote) && ReadReplica.IsPosition(wrote))
        {
            session.WroteAt = wrote;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            // Headers go out after the endpoint has committed, so the position read then covers its writes.
            context.Response.OnStarting(() => RememberAsync(context));
        }
        return next(context);
    }

    private static async Task RememberAsync(HttpContext context)
    {
        var primary = context.RequestServices.GetRequiredService<CivicGridDbContext>();
        var position = await ReadReplica.PrimaryPositionAsync(primary, context.RequestAborted);
        context.Response.Cookies.Append(Name, position, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
