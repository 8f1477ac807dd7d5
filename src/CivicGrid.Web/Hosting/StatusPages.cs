using Microsoft.AspNetCore.Diagnostics;

namespace CivicGrid.Web.Hosting;

/// <summary>Bare status codes become problem details for the API and a short Chinese page elsewhere.</summary>
internal static class StatusPages
{
    private const string Throttled = "请求过于频繁，请稍后再试";

    public static async Task Write(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            // The rate limiter's refusal carries no reason of its own; the public forms' callers get it in Chinese.
            var detail = http.Response.StatusCode == StatusCodes.Status429TooManyRequests ? Throttled : null;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = http.Response.StatusCode, Detail = detail },
            });
            return;
        }
        var status = http.Response.StatusCode;
        var text = status switch
        {
            400 => "请求无法读取：表单已过期或内容格式不正确，请返回刷新页面后重新提交",
            413 => "提交的内容过大",
            404 => "页面不存在，或不在您的管辖范围内",
            403 => "您没有权限访问此页面",
            429 => Throttled,
            _ => "请求无法完成",
        };
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{status}</title>" +
            $"<link rel=\"stylesheet\" href=\"/lib/bootstrap/bootstrap.min.css\"></head><body class=\"p-5\"><h1>{status}</h1><p>{text}</p><a href=\"/\">返回首页</a></body></html>");
    }
}
