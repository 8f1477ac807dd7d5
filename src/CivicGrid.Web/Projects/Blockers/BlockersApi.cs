using CivicGrid.App.Projects.Blockers;
using CivicGrid.Core.Projects;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Projects.Blockers;

/// <summary>A cadre's blocker as the API takes it: the type by name (Land, Permits, Policy, Financing, Utilities, Relocation, Other), photos by upload id.</summary>
public sealed record LogBlockerRequest(BlockerType? Type, string? Description, IReadOnlyList<string>? Attachments)
{
    public LogBlocker ToCommand(int projectId) => new(projectId, Type, Description ?? "") { Attachments = Attachments ?? [] };
}

/// <summary>The blockers of a project; verifying one is the case loop's own move (POST /api/cases/{id}/actions).</summary>
public static class BlockersApi
{
    public static RouteGroupBuilder MapProjectBlockers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{id:int}/blockers").WithTags("Projects").RequireAuthorization(Policies.SeesProjects);
        api.MapGet("", async (int id, ListBlockersHandler h, CancellationToken ct) => (await h.HandleAsync(new ListBlockers(id), ct)).ToHttp());
        api.MapPost("", async (int id, LogBlockerRequest body, LogBlockerHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body.ToCommand(id), ct)).ToHttp());
        return api;
    }
}
