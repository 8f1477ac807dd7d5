using CivicGrid.App.Cases;
using CivicGrid.App.Cases.Departments;
using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Cases;

public sealed record HolidayRequest(string Name, bool? IsWorkday);

public sealed record ThinkTankGroupRequest(string Name, string? Description);

/// <summary>An item's edit; name, category and description are left as they are when not sent.</summary>
public sealed record DeliberationItemRequest(
    string? DefaultHandling, string? DepartmentCode, int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Active,
    string? Name = null, string? Category = null, string? Description = null);

public sealed record NewDeliberationItemRequest(
    string? Code, string? Category, string? Name, string? Description, string? DefaultHandling, string? DepartmentCode,
    int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Public);

public sealed record DepartmentRequest(string? Code, string? Name);

public sealed record DepartmentNameRequest(string? Name);

/// <summary>The district admin's JSON API for the deliberation list, the holiday calendar and the think-tank groups.</summary>
public static class CaseReferenceApi
{
    public static RouteGroupBuilder MapCaseReference(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Case reference data").RequireAuthorization(Policies.DistrictAdmin);
        api.MapGet("/holidays", async (CivicGridDbContext db, CancellationToken ct) => TypedResults.Ok(await db.PublicHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct)));
        api.MapPut("/holidays/{date}", async (DateOnly date, HolidayRequest body, ManageCaseReferenceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SaveHoliday(date, body.Name, body.IsWorkday ?? false), ct)).ToHttp());
        api.MapDelete("/holidays/{date}", async (DateOnly date, ManageCaseReferenceHandler h, CancellationToken ct) => (await h.HandleAsync(new DeleteHoliday(date), ct)).ToHttp());
        api.MapPost("/think-tank-groups", async (ThinkTankGroupRequest body, ManageCaseReferenceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SaveThinkTankGroup(null, body.Name, body.Description), ct)).ToHttp());
        api.MapPut("/think-tank-groups/{id:int}", async (int id, ThinkTankGroupRequest body, ManageCaseReferenceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SaveThinkTankGroup(id, body.Name, body.Description), ct)).ToHttp());
        api.MapDelete("/think-tank-groups/{id:int}", async (int id, ManageCaseReferenceHandler h, CancellationToken ct) => (await h.HandleAsync(new DeleteThinkTankGroup(id), ct)).ToHttp());
        api.MapPut("/deliberation-items/{code}", async (string code, DeliberationItemRequest body, ManageCaseReferenceHandler h, CancellationToken ct) =>
            Handling(body.DefaultHandling) is { } handling
                ? (await h.HandleAsync(new UpdateDeliberationItem(code, handling, body.DepartmentCode, body.ResponseHours, body.ResolveDays, body.MayDeliberate, body.Active)
                    { Name = body.Name, Category = body.Category, Description = body.Description }, ct)).ToHttp()
                : BadHandling);
        api.MapGet("/deliberation-items", async (string? q, ListDeliberationItemsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListDeliberationItems(q), ct)));
        api.MapPost("/deliberation-items", async (NewDeliberationItemRequest body, ManageCaseReferenceHandler h, CancellationToken ct) =>
            Handling(body.DefaultHandling) is { } handling
                ? (await h.HandleAsync(new AddDeliberationItem(body.Code, body.Category, body.Name, body.Description, handling, body.DepartmentCode,
                    body.ResponseHours, body.ResolveDays, body.MayDeliberate, body.Public), ct)).ToHttp()
                : BadHandling);
        api.MapPost("/deliberation-items/{code}/retire", async (string code, ManageCaseReferenceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SetDeliberationItemActive(code, false), ct)).ToHttp());
        api.MapPost("/deliberation-items/{code}/reinstate", async (string code, ManageCaseReferenceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SetDeliberationItemActive(code, true), ct)).ToHttp());
        MapDepartments(api);
        return api;
    }

    private static Results<Ok<string>, ValidationProblem, NotFoundProblem, ForbiddenProblem> BadHandling => Outcome<string>.Invalid("DefaultHandling", "默认处置层级应为 Grid、Community、Street 或 Department").ToHttp();

    private static DefaultHandling? Handling(string? text) =>
        Enum.TryParse<DefaultHandling>(text, ignoreCase: true, out var handling) && Enum.IsDefined(handling) && !(text ?? "").All(char.IsAsciiDigit) ? handling : null;

    private static void MapDepartments(RouteGroupBuilder api)
    {
        api.MapGet("/departments", async (ListDepartmentsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListDepartments(), ct)));
        api.MapGet("/departments/{code}", async (string code, GetDepartmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetDepartment(code), ct)).OrNotFound());
        api.MapPost("/departments", async (DepartmentRequest body, CreateDepartmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new CreateDepartment(body.Code, body.Name), ct)).ToHttp());
        api.MapPut("/departments/{code}", async (string code, DepartmentNameRequest body, RenameDepartmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RenameDepartment(code, body.Name), ct)).ToHttp());
        api.MapPost("/departments/{code}/retire", async (string code, RetireDepartmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RetireDepartment(code), ct)).ToHttp());
        api.MapPost("/departments/{code}/reinstate", async (string code, RetireDepartmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ReinstateDepartment(code), ct)).ToHttp());
    }
}
