using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Cases;

public sealed record SubmitCaseRequest(
    string ItemCode, string Description, double? Latitude, double? Longitude, string? Address,
    IReadOnlyList<string>? Attachments, IReadOnlyDictionary<string, string>? Answers, string? ContactName, string? ContactPhone)
{
    public SubmitCase ToCommand() => new(ItemCode, Description, Latitude, Longitude, Address)
    {
        Attachments = Attachments ?? [],
        Answers = Answers ?? new Dictionary<string, string>(),
        ContactName = ContactName,
        ContactPhone = ContactPhone,
    };
}

public sealed record CaseActionRequest(
    string? Action, string? Note, IReadOnlyList<string>? Attachments, string? DepartmentCode, int? DeliberationDayId,
    int? ExtensionDays, string? Rating, int? ProcessScore, int? ResultScore, int? MergeInto, string? PublicNote = null)
{
    /// <summary>The move asked for, or null when the action or rating is not one the loop knows.</summary>
    public ActOnCase? ToCommand(int caseId)
    {
        if (!Enum.TryParse<CaseAction>(Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
        {
            return null;
        }
        CaseRating? rating = null;
        if (Rating is { Length: > 0 })
        {
            if (!Enum.TryParse<CaseRating>(Rating, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return null;
            }
            rating = parsed;
        }
        return new ActOnCase(caseId, new CaseCommand(action, "", Note)
        {
            Attachments = Attachments ?? [],
            DepartmentCode = DepartmentCode,
            DeliberationDayId = DeliberationDayId,
            ExtensionDays = ExtensionDays,
            Rating = rating,
            ProcessScore = ProcessScore,
            ResultScore = ResultScore,
            MergeInto = MergeInto,
            PublicNote = PublicNote,
        });
    }
}

public static class CasesApi
{
    public static RouteGroupBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Cases").RequireAuthorization();
        api.MapGet("/deliberation-items", async (CivicGridDbContext db, CaseReference reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.GetAsync(db, ct)).Items.Values.Where(i => i.Active).OrderBy(i => i.Code)));
        api.MapGet("/departments", async (CivicGridDbContext db, CaseReference reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.GetAsync(db, ct)).Departments.Values.OrderBy(d => d.Code)));
        api.MapGet("/cases", async ([AsParameters] CaseFilter f, SearchCasesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        api.MapPost("/cases", async (SubmitCaseRequest body, SubmitCaseHandler h, CancellationToken ct) => (await h.HandleAsync(body.ToCommand(), ct)).ToHttp())
            .RequireRateLimiting(RateLimits.CaseIntake);
        api.MapGet("/cases/outline", async (CaseOutlineHandler h, CancellationToken ct) => TypedResults.Text(await h.HandleAsync(ct), "application/geo+json")).ProducesGeoJson();
        api.MapGet("/cases/nearby", async (string itemCode, double latitude, double longitude, NearbyCasesHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new NearbyCases(itemCode, latitude, longitude), ct)));
        api.MapGet("/cases/{id:int}", async (int id, GetCaseHandler h, CancellationToken ct) => (await h.HandleAsync(new GetCase(id), ct)).OrNotFound());
        api.MapPost("/cases/{id:int}/actions", async (int id, CaseActionRequest body, ActOnCaseHandler h, CancellationToken ct) =>
            body.ToCommand(id) is { } command
                ? (await h.HandleAsync(command, ct)).ToHttp()
                : Outcome<CaseMoved>.Invalid("Action", "未知的操作或评价").ToHttp());
        api.MapPost("/cases/{id:int}/support", async (int id, SupportCaseHandler h, CancellationToken ct) => (await h.HandleAsync(new SupportCase(id), ct)).ToHttp());
        api.MapPost("/attachments", async (IFormFile file, bool? keepLocation, UploadAttachmentHandler h, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await h.HandleAsync(new UploadAttachment(stream, file.Length, keepLocation == true), ct)).ToHttp();
        }).DisableAntiforgery();
        api.MapGet("/attachments/{id}", async Task<Results<PhysicalFileHttpResult, NotFoundProblem>> (string id, UploadAttachmentHandler h, CancellationToken ct) =>
            await h.OpenAsync(id, ct) is { } file ? TypedResults.PhysicalFile(file.Path, file.ContentType) : new NotFoundProblem())
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        return api;
    }
}

/// <summary>The query string of a case list, shared by the API, its export and the pages.</summary>
public sealed record CaseFilter
{
    public string? Q { get; init; }
    public string? Under { get; init; }
    public string? Status { get; init; }
    public string? Item { get; init; }
    public string? Department { get; init; }
    public bool? Open { get; init; }
    public bool? Overdue { get; init; }
    public bool? Mine { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public SearchCases ToQuery() => new(
        Q, Under, Enum.TryParse<CaseStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null, Item, Department,
        Open ?? false, Overdue ?? false, Mine ?? false, Sort ?? "newest", Page ?? 1, PageSize ?? 20);
}
