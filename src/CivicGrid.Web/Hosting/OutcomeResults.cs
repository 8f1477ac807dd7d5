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
        _ => TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => e.Key, e => e.Value), title: "输入有误"),
    };

    public static IResult OrNotFound<T>(this T? value) where T : class =>
        value is null ? TypedResults.Problem("记录不存在，或不在您的管辖范围内", statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(value);
}
