using CivicGrid.App.Visits;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Visits;

/// <summary>
/// Grid workers' visit plans over HTTP (入户走访): the plan of a subtree, one household's standing and visits, recording
/// a visit, coverage per node and the district's policy. The policies admit the roles; the use cases check the grid.
/// </summary>
public static class VisitsApi
{
    public static void MapVisits(this IEndpointRouteBuilder app)
    {
        var visits = app.MapGroup("/api/visit-plans").WithTags("Household visits").RequireAuthorization(Policies.ManagesPeople);
        visits.MapGet("/plan", async (string? code, VisitPlanView? view, string? search, int? page, int? pageSize, GetVisitPlanHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetVisitPlan(code, view, search, page ?? 1, pageSize ?? 20), ct)).ToHttp());
        visits.MapGet("/households/{id:int}", async (int id, GetHouseholdVisitsHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetHouseholdVisits(id), ct)).ToHttp());
        visits.MapPost("", async (HouseholdVisitBody body, RecordHouseholdVisitHandler h, CancellationToken ct) => (await h.HandleAsync(body.Command, ct)).ToHttp());
        visits.MapGet("/coverage", async (string? code, GetVisitCoverageHandler h, CancellationToken ct) => (await h.HandleAsync(new GetVisitCoverage(code), ct)).ToHttp());
        visits.MapGet("/policy", async (GetVisitPolicyHandler h, CancellationToken ct) => (await h.HandleAsync(new GetVisitPolicy(), ct)).ToHttp());
        visits.MapPut("/policy", async (SaveVisitPolicy body, SaveVisitPolicyHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp())
            .RequireAuthorization(Policies.DistrictAdmin);
    }
}

/// <summary>A visit as posted: the household, the day, the member met or no one home, the situation, and a need found with what it becomes.</summary>
public sealed record HouseholdVisitBody(
    int? HouseholdId, DateOnly? VisitedOn, int? MetResidentId, bool? NoOneHome, string? Situation,
    FoundNeedKind? Need, string? CaseItemCode, string? NeedDescription, int? ServiceItemId)
{
    public RecordHouseholdVisit Command => new(HouseholdId ?? 0, VisitedOn, MetResidentId, NoOneHome ?? false, Situation)
    {
        Need = Need ?? FoundNeedKind.None, CaseItemCode = CaseItemCode, NeedDescription = NeedDescription, ServiceItemId = ServiceItemId,
    };
}
