using System.Text.Json;
using CivicGrid.App.Data;

namespace CivicGrid.Web.Hosting;

/// <summary>Maps a use case's outcome onto HTTP: 200, 404, 403 or a validation problem naming each field.</summary>
internal static class OutcomeResults
{
    public static IResult ToHttp<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.NotFound => TypedResults.Problem("记录不存在，或不在您的管辖范围内", statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Forbidden => TypedResults.Problem(outcome.Errors.Values.SelectMany(v => v).FirstOrDefault(), statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.ValidationProblem(ByJsonName(outcome.Errors), title: "输入有误"),
    };

    public static IResult OrNotFound<T>(this T? value) where T : class =>
        value is null ? TypedResults.Problem("记录不存在，或不在您的管辖范围内", statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(value);

    /// <summary>
    /// Use cases name fields as the C# property ("GridCode", which pages match against); the API names them as the
    /// JSON body does ("gridCode"), like the errors of a body that does not bind.
    /// </summary>
    public static Dictionary<string, string[]> ByJsonName(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => JsonName(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private static string JsonName(string field) => string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
