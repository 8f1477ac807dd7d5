using CivicGrid.App.Assessment;
using CivicGrid.Core.Assessment;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Assessment;

/// <summary>An adjustment as the API takes it: the month as its first day, points negative for a penalty.</summary>
public sealed record AdjustmentRequest(DateOnly PeriodStart, string? UnitCode, decimal Points, string? Reason, string? Evidence)
{
    public RecordAdjustment ToCommand(int schemeId) => new(schemeId, PeriodStart, UnitCode, Points, Reason, Evidence);
}

/// <summary>A run of a period with the scheme's published version; with <see cref="CorrectsReviewId"/>, a correction of a published review.</summary>
public sealed record RunReviewRequest(ReviewPeriodKind Kind, DateOnly PeriodStart, int? CorrectsReviewId)
{
    public RunReview ToCommand(int schemeId) => new(schemeId, Kind, PeriodStart, CorrectsReviewId);
}

public sealed record ObjectionRequest(string? Reason);

public sealed record AnswerRequest(bool Uphold, string? Reply);

/// <summary>
/// 五星三色 over HTTP, as the pages do it: schemes, adjustments, runs and publishing for the district's administrators;
/// reviews, a unit's explanation and its objections for whoever sees the indicators, within their reach.
/// </summary>
public static class AssessmentApi
{
    public static RouteGroupBuilder MapAssessment(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assessment").WithTags("Assessment").RequireAuthorization(Policies.SeesIndicators);
        api.MapGet("/schemes", async (ListSchemesHandler h, CancellationToken ct) => (await h.HandleAsync(new ListSchemes(), ct)).ToHttp());
        api.MapGet("/schemes/{id:int}", async (int id, GetSchemeHandler h, CancellationToken ct) => (await h.HandleAsync(new GetScheme(id), ct)).ToHttp());
        api.MapGet("/reviews", async (ListReviewsHandler h, CancellationToken ct) => (await h.HandleAsync(new ListReviews(), ct)).ToHttp());
        api.MapGet("/reviews/mine", async (MyResultsHandler h, CancellationToken ct) => (await h.HandleAsync(new MyResults(), ct)).ToHttp());
        api.MapGet("/reviews/{id:int}", async (int id, GetReviewHandler h, CancellationToken ct) => (await h.HandleAsync(new GetReview(id), ct)).ToHttp());
        api.MapGet("/reviews/{id:int}/units/{code}", async (int id, string code, GetUnitResultHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetUnitResult(id, code), ct)).ToHttp());
        api.MapPost("/reviews/{id:int}/units/{code}/objections", async (int id, string code, ObjectionRequest body, FileObjectionHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new FileObjection(id, code, body.Reason), ct)).ToHttp());
        MapDistrictWork(api.MapGroup("").RequireAuthorization(Policies.DistrictAdmin));
        return api;
    }

    private static void MapDistrictWork(RouteGroupBuilder api)
    {
        api.MapPost("/schemes", async (SaveScheme body, SaveSchemeHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = null }, ct)).ToHttp());
        api.MapPut("/schemes/{id:int}", async (int id, SaveScheme body, SaveSchemeHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = id }, ct)).ToHttp());
        api.MapPost("/schemes/{id:int}/preview", async (int id, PreviewSchemeHandler h, CancellationToken ct) => (await h.HandleAsync(new PreviewScheme(id), ct)).ToHttp());
        api.MapPost("/schemes/{id:int}/reviews", async (int id, RunReviewRequest body, RunReviewHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body.ToCommand(id), ct)).ToHttp());
        api.MapGet("/schemes/{id:int}/adjustments", async (int id, string? month, int? page, ListAdjustmentsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ListAdjustments(id, month, page), ct)).ToHttp());
        api.MapPost("/schemes/{id:int}/adjustments", async (int id, AdjustmentRequest body, RecordAdjustmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body.ToCommand(id), ct)).ToHttp());
        api.MapDelete("/adjustments/{id:int}", async (int id, WithdrawAdjustmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new WithdrawAdjustment(id), ct)).ToHttp());
        api.MapPost("/reviews/{id:int}/publish", async (int id, PublishReviewHandler h, CancellationToken ct) => (await h.HandleAsync(new PublishReview(id), ct)).ToHttp());
        api.MapPost("/objections/{id:int}/answer", async (int id, AnswerRequest body, AnswerObjectionHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AnswerObjection(id, body.Uphold, body.Reply), ct)).ToHttp());
    }
}
