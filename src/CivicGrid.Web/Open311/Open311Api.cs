using CivicGrid.App.Data;
using CivicGrid.App.Open311;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Open311;

/// <summary>
/// The Open311 GeoReport v2 interface at /open311/v2: public reads of services and requests, and posting a request with
/// an integration's api_key. Every answer, errors included, comes in the format the path asks for.
/// </summary>
public static class Open311Api
{
    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var contact = configuration["Open311:Contact"] ?? "CivicGrid 区级管理员";
        var v2 = app.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous().DisableAntiforgery();
        // GeoReport v2 documents and error lists, in the format the path names (.json or .xml).
        v2.WithMetadata(Open311Document.Answers(StatusCodes.Status200OK), Open311Document.Answers(StatusCodes.Status400BadRequest),
            Open311Document.Answers(StatusCodes.Status404NotFound));
        v2.MapGet("/discovery.{format}", (string format, HttpRequest request) =>
            Known(format) ?? Open311Document.Write(format, "discovery", Open311Shapes.Discovery($"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2", contact)));
        v2.MapGet("/services.{format}", async (string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction, Open311ServicesHandler h, CancellationToken ct) =>
            await RefuseAsync(format, jurisdiction, h, ct) ?? Open311Document.Write(format, "services", Open311Shapes.Services(await h.ServicesAsync(ct))));
        v2.MapGet("/services/{code}.{format}", async (string code, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction, Open311ServicesHandler h, CancellationToken ct) =>
            await RefuseAsync(format, jurisdiction, h, ct)
            ?? (await h.DefinitionAsync(code, ct) is { } definition
                ? Open311Document.Write(format, "service_definition", Open311Shapes.Definition(definition))
                : Open311Document.Error(format, StatusCodes.Status404NotFound, $"service_code 不存在：{code}")));
        v2.MapGet("/requests.{format}", async (string format, [AsParameters] RequestsQuery query, Open311ServicesHandler services, Open311RequestsHandler h, CancellationToken ct) =>
            await RefuseAsync(format, query.Jurisdiction, services, ct)
            ?? ToResult(format, await h.HandleAsync(query.ToQuery(), ct), requests => Open311Document.Write(format, "service_requests", Open311Shapes.Requests(requests))));
        v2.MapGet("/requests/{id}.{format}", async (string id, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction, Open311ServicesHandler services, Open311RequestsHandler h, CancellationToken ct) =>
            await RefuseAsync(format, jurisdiction, services, ct)
            ?? (await h.GetAsync(id, ct) is { } found
                ? Open311Document.Write(format, "service_requests", Open311Shapes.Requests([found]))
                : Open311Document.Error(format, StatusCodes.Status404NotFound, $"service_request_id 不存在：{id}")));
        v2.MapGet("/tokens/{token}.{format}", async (string token, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction, Open311ServicesHandler services, Open311RequestsHandler h, CancellationToken ct) =>
            await RefuseAsync(format, jurisdiction, services, ct)
            ?? (await h.TokenAsync(token, ct) is { } found
                ? Open311Document.Write(format, "service_requests", Open311Shapes.Token(found))
                : Open311Document.Error(format, StatusCodes.Status404NotFound, $"token 不存在：{token}")));
        v2.MapPost("/requests.{format}", async (string format, HttpRequest request, PostOpen311RequestHandler h, CancellationToken ct) =>
            Known(format) ?? await PostAsync(format, request, h, ct))
            .RequireRateLimiting(new Open311RateLimit(configuration.GetValue("RateLimits:Open311PerMinute", 120)));
        app.MapIntegrationKeys();
        return v2;
    }

    private static async Task<IResult> PostAsync(string format, HttpRequest request, PostOpen311RequestHandler h, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, "请以 application/x-www-form-urlencoded 表单提交");
        }
        var form = await request.ReadFormAsync(ct);
        var outcome = await h.HandleAsync(Open311Form.ToCommand(form, request.HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        return ToResult(format, outcome, posted => Open311Document.Write(format, "service_requests", Open311Shapes.Posted(posted)));
    }

    private static IResult ToResult<T>(string format, Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.Forbidden => Open311Document.Errors(format, StatusCodes.Status403Forbidden, outcome.Errors.Values.SelectMany(v => v)),
        OutcomeKind.NotFound => Open311Document.Error(format, StatusCodes.Status404NotFound, "jurisdiction_id 不存在"),
        _ => Open311Document.Errors(format, StatusCodes.Status400BadRequest,
            outcome.Errors.SelectMany(e => e.Value.Select(reason => reason.StartsWith(e.Key, StringComparison.Ordinal) ? reason : $"{e.Key}：{reason}"))),
    };

    /// <summary>An error for an unknown format or another district's jurisdiction_id, or null to go on.</summary>
    private static async Task<IResult?> RefuseAsync(string format, string? jurisdiction, Open311ServicesHandler services, CancellationToken ct) =>
        Known(format) ?? (await services.IsOursAsync(jurisdiction, ct) ? null : Open311Document.Error(format, StatusCodes.Status404NotFound, $"jurisdiction_id 不存在：{jurisdiction}"));

    private static IResult? Known(string format) =>
        Open311Document.IsFormat(format) ? null : Open311Document.Error(Open311Document.Xml, StatusCodes.Status404NotFound, $"不支持的格式：{format}，请使用 .xml 或 .json");

    /// <summary>GET requests' query string in the specification's parameter names.</summary>
    public sealed record RequestsQuery
    {
        [FromQuery(Name = "jurisdiction_id")] public string? Jurisdiction { get; init; }
        [FromQuery(Name = "service_request_id")] public string? ServiceRequestId { get; init; }
        [FromQuery(Name = "service_code")] public string? ServiceCode { get; init; }
        [FromQuery(Name = "start_date")] public string? StartDate { get; init; }
        [FromQuery(Name = "end_date")] public string? EndDate { get; init; }
        [FromQuery(Name = "status")] public string? Status { get; init; }

        public FindOpen311Requests ToQuery() => new(ServiceRequestId, ServiceCode, StartDate, EndDate, Status);
    }
}
