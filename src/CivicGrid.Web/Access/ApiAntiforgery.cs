using Microsoft.AspNetCore.Antiforgery;

namespace CivicGrid.Web.Access;

/// <summary>
/// Antiforgery for the API's form-like requests. A signed-in browser can be made to send a multipart, url-encoded or
/// empty POST from another site, so those need the request token (header RequestVerificationToken, from the page's
/// meta tag or GET /api/auth/antiforgery). JSON bodies cannot be sent across sites without a CORS preflight, which
/// this site never grants, so they need none. Pages' own forms are checked by the framework.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Problem = "请求缺少有效的防伪令牌，请刷新页面后重试";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(Problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && !context.Request.HasJsonContentType();
}
