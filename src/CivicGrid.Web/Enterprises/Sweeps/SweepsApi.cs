using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises.Sweeps;

/// <summary>
/// Building sweeps over HTTP (扫楼跑企): the runner's plan and visits, the history, coverage per building, and the
/// assignment of buildings to runners. The policies admit the roles; the use cases check scope and assignment.
/// </summary>
public static class SweepsApi
{
    public static void MapSweeps(this IEndpointRouteBuilder app)
    {
        var sweeps = app.MapGroup("/api/sweeps").WithTags("Building sweeps").RequireAuthorization(Policies.SeesEnterprises);
        sweeps.MapGet("", async (GetMySweepHandler h, CancellationToken ct) => (await h.HandleAsync(new GetMySweep(), ct)).ToHttp())
            .RequireAuthorization(Policies.SweepsBuildings);
        // The use case refuses those who do not sweep, with its reason, as the needs' moves do.
        sweeps.MapPost("/visits", async (VisitBody body, RecordVisitHandler h, CancellationToken ct) => (await h.HandleAsync(body.Command, ct)).ToHttp());
        sweeps.MapGet("/visits", async (int? enterpriseId, int? page, int? pageSize, ListVisitsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ListVisits(enterpriseId, page ?? 1, pageSize ?? 20), ct)).ToHttp());
        sweeps.MapGet("/coverage", async (int? businessCommunityId, GetSweepCoverageHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetSweepCoverage(businessCommunityId), ct)).ToHttp());
        sweeps.MapGet("/runners", async (ListRunnersHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListRunners(), ct)))
            .RequireAuthorization(Policies.KeepsEnterpriseLists);
        sweeps.MapPost("/assignments", async (AssignBuildings body, AssignBuildingsHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsEnterpriseLists);
        sweeps.MapPost("/assignments/{id:int}/end", async (int id, EndAssignmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new EndAssignment(id), ct)).ToHttp()).RequireAuthorization(Policies.KeepsEnterpriseLists);
    }
}

/// <summary>A visit as posted: the firm, its building, whom the runner met, a note, the needs found and photo ids from /api/cases/attachments.</summary>
public sealed record VisitBody(int? EnterpriseId, int? BuildingId, string? MetWhom, string? Note, IReadOnlyList<FoundNeed>? Needs, IReadOnlyList<string>? Photos)
{
    public RecordVisit Command => new(EnterpriseId ?? 0, BuildingId ?? 0, MetWhom, Note, Needs, Photos);
}
