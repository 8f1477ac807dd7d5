using System.Text.Json;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Maps a use case's outcome onto HTTP: 200, 404, 403 or a validation problem naming each field. The results are typed,
/// so the OpenAPI document names the body of each answer; every validation problem of the API is made here.
/// </summary>
internal static class OutcomeResults
{
    public const string InvalidTitle = "输入有误";

    public static Results<Ok<T>, ValidationProblem, NotFoundProblem, ForbiddenProblem> ToHttp<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.NotFound => new NotFoundProblem(),
        OutcomeKind.Forbidden => new ForbiddenProblem(Reason(outcome)),
        _ => Invalid(outcome.Errors),
    };

    /// <summary>A checked file: 200 with its report, or 422 with the same report listing each row's errors.</summary>
    public static Results<Ok<T>, UnprocessableEntity<T>, ValidationProblem, NotFoundProblem, ForbiddenProblem> ToHttpReport<T>(this Outcome<T> outcome, Func<T, bool> hasErrors) => outcome.Kind switch
    {
        OutcomeKind.Ok when hasErrors(outcome.Value!) => TypedResults.UnprocessableEntity(outcome.Value),
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.NotFound => new NotFoundProblem(),
        OutcomeKind.Forbidden => new ForbiddenProblem(Reason(outcome)),
        _ => Invalid(outcome.Errors),
    };

    /// <summary>A map: 200 with the GeoJSON text, or the refusal as <see cref="ToHttp{T}"/> gives it.</summary>
    public static Results<ContentHttpResult, ValidationProblem, NotFoundProblem, ForbiddenProblem> ToGeoJson(this Outcome<System.Text.Json.Nodes.JsonObject> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Text(outcome.Value!.ToJsonString(), "application/geo+json; charset=utf-8"),
        OutcomeKind.NotFound => new NotFoundProblem(),
        OutcomeKind.Forbidden => new ForbiddenProblem(Reason(outcome)),
        _ => Invalid(outcome.Errors),
    };

    public static Results<Ok<T>, NotFoundProblem> OrNotFound<T>(this T? value) where T : class =>
        value is null ? new NotFoundProblem() : TypedResults.Ok(value);

    /// <summary>400 naming each field as the JSON body does.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string title = InvalidTitle) =>
        TypedResults.ValidationProblem(ByJsonName(errors), title: title);

    public static ValidationProblem Invalid(string field, string reason, string title = InvalidTitle) =>
        Invalid(new Dictionary<string, string[]> { [field] = [reason] }, title);

    /// <summary>
    /// Use cases name fields as the C# property ("GridCode", which pages match against); the API names them as the
    /// JSON body does ("gridCode"), like the errors of a body that does not bind.
    /// </summary>
    public static Dictionary<string, string[]> ByJsonName(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => JsonName(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private static string? Reason<T>(Outcome<T> outcome) => outcome.Errors.Values.SelectMany(v => v).FirstOrDefault();

    private static string JsonName(string field) => string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
