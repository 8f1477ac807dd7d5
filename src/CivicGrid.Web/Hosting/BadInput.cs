using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Web.Imports;
using CivicGrid.Web.Open311;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Answers a request the framework cannot read — JSON that does not parse or has a value of the wrong type, a missing
/// body, a body over the limit, a broken form — with a Chinese reason naming the field: problem details for the API,
/// Open311's error list for /open311, the Chinese status page elsewhere. Nothing has been saved when this answers,
/// because the endpoint never ran. Bodies other than file uploads are limited to <see cref="MaxBodyBytes"/>.
/// </summary>
public sealed partial class BadInput(RequestDelegate next)
{
    /// <summary>JSON and plain forms: no field of the model comes near this.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Uploads (multipart, GeoJSON boundaries): the largest file and its form around it.</summary>
    public const long MaxUploadBytes = ImportUploads.MaxBytes + 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var max = IsUpload(http.Request) ? MaxUploadBytes : MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }
        if (http.Request.ContentLength > max)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "body", TooLarge(http.Request));
            return;
        }
        try
        {
            await next(http);
            // A refusal the framework answers itself, without a body (415 for a body that is not JSON).
            if (!http.Response.HasStarted && http.Response.ContentType is null && Bare(http.Response.StatusCode, http.Request) is { } reason)
            {
                var unreadable = http.Response.StatusCode == StatusCodes.Status400BadRequest ? UnreadableQueryValue(http) : null;
                await RefuseAsync(http, http.Response.StatusCode, unreadable ?? "body", unreadable is null ? reason : $"参数 {unreadable} 的值无效");
            }
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var (field, reason) = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ("body", TooLarge(http.Request)) : Describe(e);
            await RefuseAsync(http, e.StatusCode, field, reason);
        }
        catch (InvalidDataException) when (!http.Response.HasStarted && http.Request.HasFormContentType)
        {
            // The form reader's own limits: too many fields, a field or a multipart section too long.
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "form", IsUpload(http.Request) ? TooLarge(http.Request) : "表单字段过多或内容过长");
        }
    }

    /// <summary>
    /// After antiforgery: a page form whose token is missing or forged, or whose form could not be read, gets the
    /// Chinese status page (400, or 413 when the form was over its limits) instead of the framework's English text.
    /// </summary>
    public static Task RefuseForgedFormsAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failed
            && !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/open311"))
        {
            var unreadable = false;
            for (var e = failed.Error; e is not null; e = e.InnerException)
            {
                unreadable |= e is InvalidDataException;
            }
            http.Response.StatusCode = unreadable ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(http);
    }

    private static string TooLarge(HttpRequest request) => IsUpload(request)
        ? $"上传的文件过大（最多 {ImportUploads.MaxBytes / 1024 / 1024} MB）"
        : $"请求内容过大（最多 {MaxBodyBytes / 1024 / 1024} MB）";

    private static string? Bare(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status400BadRequest => "请求无法读取",
        StatusCodes.Status413PayloadTooLarge => TooLarge(request),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMedia,
        _ => null,
    };

    /// <summary>
    /// The query key whose value its endpoint could not read: the generated binding of a filter's properties answers 400
    /// without saying which, so the value is read again against the property's type to name it.
    /// </summary>
    private static string? UnreadableQueryValue(HttpContext http)
    {
        var bindings = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var (key, values) in http.Request.Query)
        {
            var binding = bindings.FirstOrDefault(b => string.Equals(b.Name, key, StringComparison.OrdinalIgnoreCase));
            if (binding is not null && values.Any(value => !Readable(binding.ParameterInfo.ParameterType, value)))
            {
                return key;
            }
        }
        return null;
    }

    private static bool Readable(Type type, string? value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return string.IsNullOrEmpty(value) || type switch
        {
            _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out _),
            _ when type == typeof(int) => int.TryParse(value, invariant, out _),
            _ when type == typeof(long) => long.TryParse(value, invariant, out _),
            _ when type == typeof(double) => double.TryParse(value, invariant, out _),
            _ when type == typeof(decimal) => decimal.TryParse(value, invariant, out _),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, invariant, out _),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, invariant, out _),
            _ => true,
        };
    }

    private const string UnsupportedMedia = "请求体应为 application/json";

    private static bool IsUpload(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
        || request.Path.StartsWithSegments("/api/territory/import");

    /// <summary>The field (a JSON path's last name, a parameter's name) and the reason, in Chinese.</summary>
    public static (string Field, string Reason) Describe(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("body", UnsupportedMedia);
        }
        if (e.InnerException is JsonException json)
        {
            var field = Field(json.Path);
            if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
            {
                return (field ?? "body", "JSON 嵌套层数过多");
            }
            if (field is not null && json.Message.Contains("could not be converted", StringComparison.Ordinal))
            {
                return (field, $"字段 {field} 的值无效或类型不正确");
            }
            if (field is null && json.Message.Contains("could not be converted", StringComparison.Ordinal))
            {
                return ("body", "请求体的 JSON 结构不正确（应为一个对象）");
            }
            var at = json.LineNumber is { } line ? $"（第{line + 1}行第{json.BytePositionInLine + 1}个字节附近）" : "";
            return (field ?? "body", $"请求体不是有效的 JSON{at}");
        }
        if (e.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ("body", "缺少请求体（JSON）");
        }
        if (e.Message.Contains("forgery", StringComparison.OrdinalIgnoreCase))
        {
            return ("form", "表单已过期或缺少安全令牌，请刷新页面后重新提交");
        }
        if (Parameter().Match(e.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return (name, e.Message.Contains("was not provided", StringComparison.Ordinal) ? $"缺少 {name}" : $"参数 {name} 的值无效");
        }
        return ("body", "请求无法读取");
    }

    /// <summary>"$.answers.when" → "answers.when"; "$" or none → null.</summary>
    private static string? Field(string? path) =>
        path is null || path.Length <= 2 ? null : path.TrimStart('$', '.');

    private static async Task RefuseAsync(HttpContext http, int status, string field, string reason)
    {
        http.Response.Clear();
        if (http.Request.Path.StartsWithSegments("/open311"))
        {
            var format = http.Request.Path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Open311Document.Json : Open311Document.Xml;
            await Open311Document.Error(format, status, reason).ExecuteAsync(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? "请求内容过大" : "请求内容无法读取",
                Detail = reason,
            };
            await Results.Problem(problem).ExecuteAsync(http);
            return;
        }
        // Pages: the status alone; StatusPages writes the Chinese page for it.
        http.Response.StatusCode = status;
    }

    [GeneratedRegex("parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\"")]
    private static partial Regex Parameter();
}
