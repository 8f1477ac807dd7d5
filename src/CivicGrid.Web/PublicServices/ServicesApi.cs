using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Catalogue;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.App.PublicServices.LifeEvents;
using CivicGrid.App.PublicServices.Registration;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.App.PublicServices.Visits;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.PublicServices;

public sealed record EnrolmentMoveRequest(EnrolmentMoveKind? Move, int? Version);

public sealed record LifeEventRequest(LifeEventKind? Kind, DateOnly? OccurredOn);

public sealed record BundleMatter(int? ServiceId, int? ResidentId);

public sealed record LinkAccountRequest(string? UserName);

/// <summary>The life-cycle services as JSON: catalogue and rules, target lists, enrolment, life events, visits.</summary>
public static class ServicesApi
{
    public static void MapServices(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api").WithTags("Services").RequireAuthorization(Policies.ManagesPeople);
        staff.MapGet("/services", async (ServiceTheme? theme, string? q, int? page, ListServicesHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListServices(theme, q, page ?? 1), ct)));
        staff.MapGet("/services/{id:int}", async (int id, GetServiceHandler h, CancellationToken ct) => (await h.HandleAsync(new GetService(id), ct)).OrNotFound());
        staff.MapPost("/services", async (SaveService body, SaveServiceHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = null }, ct)).ToHttp());
        staff.MapPut("/services/{id:int}", async (int id, SaveService body, SaveServiceHandler h, CancellationToken ct) => (await h.HandleAsync(body with { Id = id }, ct)).ToHttp());
        staff.MapGet("/rules/fields", async (RuleBook rules, CancellationToken ct) => TypedResults.Ok(RuleBuilderModel.Catalogue((await rules.ContextAsync(ct)).TagIds.Keys)));
        staff.MapPost("/rules/preview", async (PreviewRule body, PreviewRuleHandler h, RuleBook rules, CancellationToken ct) =>
            TypedResults.Ok(RuleBuilderModel.WithBuilder(await h.HandleAsync(body, ct), await rules.ContextAsync(ct))));

        staff.MapGet("/services/{id:int}/targets", async (int id, string? node, GetServiceTargetsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetServiceTargets(id, node), ct)).ToHttp());
        staff.MapGet("/services/{id:int}/targets/people", async (int id, string? node, TargetGroup? group, int? page, ListTargetPeopleHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ListTargetPeople(id, node, group ?? TargetGroup.Missed, page ?? 1), ct)).ToHttp());
        staff.MapGet("/services/{id:int}/targets/export", async (int id, string? node, TargetGroup? group, string? format, ListTargetPeopleHandler people, ExportTargetPeopleHandler h, HttpContext http, CancellationToken ct) =>
        {
            var query = new ListTargetPeople(id, node, group ?? TargetGroup.Missed);
            // Asked once before the download starts, so a refusal is a 403 or 404 rather than an empty sheet.
            if (await people.HandleAsync(query with { PageSize = 1 }, ct) is { Kind: not OutcomeKind.Ok } refused)
            {
                return refused.ToHttp();
            }
            await ExportDownload.WriteAsync(http, $"targets-{id}", format, (stream, fmt) => h.HandleAsync(stream, fmt, query, ct));
            return Results.Empty;
        }).ProducesExport().ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/services/{id:int}/waiting-list", async (int id, GetWaitingListHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new GetWaitingList(id), ct)));
        staff.MapPost("/services/{id:int}/allocate", async (int id, AllocatePlacesHandler h, CancellationToken ct) => (await h.HandleAsync(new AllocatePlaces(id), ct)).ToHttp());

        staff.MapPost("/residents/register", async (RegisterResident body, RegisterResidentHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp());
        staff.MapGet("/residents/{id:int}/services", async (int id, GetResidentServicesHandler h, CancellationToken ct) => (await h.HandleAsync(new GetResidentServices(id), ct)).OrNotFound());
        staff.MapPost("/residents/{id:int}/services/{serviceId:int}/apply", async (int id, int serviceId, ApplyForServiceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ApplyForService(serviceId, id), ct)).ToHttp());
        staff.MapPost("/residents/{id:int}/life-events", async (int id, LifeEventRequest body, RecordLifeEventHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new RecordLifeEvent(id, body.Kind, body.OccurredOn), ct)).ToHttp());
        staff.MapPut("/residents/{id:int}/account", async (int id, LinkAccountRequest body, LinkResidentAccountHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new LinkResidentAccount(id, body.UserName), ct)).ToHttp());
        staff.MapGet("/visit-tasks", async (bool? done, int? page, ListVisitTasksHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListVisitTasks(done ?? false, page ?? 1), ct)));
        staff.MapPost("/visit-tasks/{id:int}/done", async (int id, CompleteVisitTask body, CompleteVisitTaskHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body with { Id = id }, ct)).ToHttp());

        // Residents answer their own offers and bundles through the same endpoints; each use case checks who may act.
        var signedIn = app.MapGroup("/api").WithTags("Services").RequireAuthorization();
        signedIn.MapGet("/my/services", async (GetResidentServicesHandler h, CancellationToken ct) => (await h.HandleAsync(new GetResidentServices(null), ct)).OrNotFound());
        signedIn.MapPost("/my/services/{serviceId:int}/apply", async (int serviceId, ApplyForServiceHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ApplyForService(serviceId, null), ct)).ToHttp());
        signedIn.MapPost("/enrolments/{id:int}/moves", async (int id, EnrolmentMoveRequest body, ActOnEnrolmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ActOnEnrolment(id, body.Move, body.Version), ct)).ToHttp());
        signedIn.MapGet("/life-events/{id:int}", async (int id, GetLifeEventHandler h, CancellationToken ct) => (await h.HandleAsync(new GetLifeEvent(id), ct)).OrNotFound());
        signedIn.MapPost("/life-events/{id:int}/accept", async (int id, IReadOnlyList<BundleMatter?> body, AcceptBundleHandler h, CancellationToken ct) =>
            body.Any(m => m?.ServiceId is null || m.ResidentId is null)
                ? Outcome<int>.Invalid("Matters", "每项所选服务须有 serviceId 和 residentId").ToHttp()
                : (await h.HandleAsync(new AcceptBundle(id, body.Select(m => (m!.ServiceId!.Value, m.ResidentId!.Value)).ToList()), ct)).ToHttp());
    }
}
