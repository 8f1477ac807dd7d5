using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Cases;

public sealed record HolidayRequest(string Name, bool? IsWorkday);

public sealed record ThinkTankGroupRequest(string Name, string? Description);

public sealed record DeliberationItemRequest(string? DefaultHandling, string? DepartmentCode, int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Active);

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
            Enum.TryParse<DefaultHandling>(body.DefaultHandling, ignoreCase: true, out var handling) && Enum.IsDefined(handling)
                ? (await h.HandleAsync(new UpdateDeliberationItem(code, handling, body.DepartmentCode, body.ResponseHours, body.ResolveDays, body.MayDeliberate, body.Active), ct)).ToHttp()
                : Outcome<string>.Invalid("DefaultHandling", "默认处置层级应为 Grid、Community、Street 或 Department").ToHttp());
        return api;
    }
}
