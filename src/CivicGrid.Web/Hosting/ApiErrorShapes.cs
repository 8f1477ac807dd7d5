using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Names in the OpenAPI document the refusals that come from the pipeline rather than from the endpoint: 401 and 403
/// from authorisation, 400 from <see cref="BadInput"/> for input that does not bind, 429 from the rate limiter. Each
/// answers with problem details (<see cref="StatusPages"/>), so a client can rely on one error shape.
/// </summary>
internal static class ApiErrorShapes
{
    public static TBuilder WithErrorShapes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Describe);
        return builder;
    }

    private static void Describe(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route } || !route.StartsWith("/api", StringComparison.Ordinal))
        {
            return;
        }
        var metadata = endpoint.Metadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(endpoint, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            Add(endpoint, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }
        if (TakesInput(endpoint))
        {
            Add(endpoint, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(endpoint, StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
        }
    }

    private static bool TakesInput(EndpointBuilder endpoint) =>
        endpoint.Metadata.OfType<IAcceptsMetadata>().Any()
        || ((RouteEndpointBuilder)endpoint).RoutePattern.Parameters.Count > 0
        || endpoint.Metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(FromRequest));

    /// <summary>Values read from the query string or a body: plain values and [AsParameters] records, not services.</summary>
    private static bool FromRequest(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)
            || parameter.GetCustomAttribute<AsParametersAttribute>() is not null;
    }

    private static void Add(EndpointBuilder endpoint, int status, Type shape)
    {
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, shape, [StatusProblem.ContentType]));
        }
    }
}
