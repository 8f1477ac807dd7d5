using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Hosting;

/// <summary>A refusal as problem details with a fixed status, which the OpenAPI document can name (the framework's problem result cannot: its status is only known when it runs).</summary>
internal abstract class StatusProblem(int status, string? detail) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public const string ContentType = "application/problem+json";

    public int? StatusCode => status;

    public ProblemDetails Value { get; } = new() { Status = status, Detail = detail, Title = detail };

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}

/// <summary>404: the record does not exist or lies outside the caller's jurisdiction (the two are not told apart).</summary>
internal sealed class NotFoundProblem() : StatusProblem(StatusCodes.Status404NotFound, Reason), IEndpointMetadataProvider
{
    public const string Reason = "记录不存在，或不在您的管辖范围内";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>403 from a use case: the caller may use the endpoint but not for this record or change.</summary>
internal sealed class ForbiddenProblem(string? reason) : StatusProblem(StatusCodes.Status403Forbidden, reason), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>429: too many requests from this caller or for this number; try again later.</summary>
internal sealed class ThrottledProblem(string? reason) : StatusProblem(StatusCodes.Status429TooManyRequests, reason), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status429TooManyRequests);
}
