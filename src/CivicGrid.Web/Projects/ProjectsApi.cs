using CivicGrid.App.Exports;
using CivicGrid.App.Projects;
using CivicGrid.Core.Projects;
using CivicGrid.Web.Access;
using CivicGrid.Web.Enterprises;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Projects;

/// <summary>
/// The portfolio of major projects over HTTP (/api/projects). Everyone who sees projects reads them, as their scope
/// allows; the project office keeps them; cadres record stages and monthly progress of their group's projects.
/// </summary>
public static class ProjectsApi
{
    public static void MapProjects(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Major projects").RequireAuthorization(Policies.SeesProjects);
        projects.MapGet("", async ([AsParameters] ProjectFilter f, ListProjectsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        projects.MapPost("", async (ProjectBody body, SaveProjectHandler h, CancellationToken ct) => (await body.SendAsync(null, h, ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsProjects);
        projects.MapGet("/export", ([AsParameters] ProjectFilter f, string? format, ExportPortfolioHandler h, HttpContext http, CancellationToken ct) =>
            ExportDownload.WriteAsync(http, "projects", format, (stream, fmt) => h.HandleAsync(stream, fmt, f.ToQuery(), ct))).ProducesExport();
        projects.MapGet("/groups", async (ListServiceGroupsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new ListServiceGroups(), ct)));
        projects.MapGet("/{id:int}", async (int id, GetProjectHandler h, CancellationToken ct) => (await h.HandleAsync(new GetProject(id), ct)).ToHttp());
        projects.MapPut("/{id:int}", async (int id, ProjectBody body, SaveProjectHandler h, CancellationToken ct) => (await body.SendAsync(id, h, ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsProjects);
        projects.MapPost("/{id:int}/moves", async (int id, ProjectMoveBody body, MoveProjectHandler h, CancellationToken ct) => (await body.SendAsync(id, h, ct)).ToHttp());
        projects.MapPost("/{id:int}/progress", async (int id, ProgressBody body, RecordProgressHandler h, CancellationToken ct) => (await body.SendAsync(id, h, ct)).ToHttp());
    }
}

public sealed record ProjectFilter
{
    public string? Search { get; init; }
    public string? Stage { get; init; }
    public string? Status { get; init; }
    public int? ServiceGroupId { get; init; }
    public string? StreetCode { get; init; }
    public string? Sector { get; init; }
    public string? NotYet { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListProjects ToQuery() => new(Search, EnumText.Parse<ProjectStage>(Stage), EnumText.Parse<ProjectStatus>(Status), ServiceGroupId, StreetCode, Sector,
        EnumText.Parse<ProjectStage>(NotYet), EnumText.Parse<ProjectSort>(Sort) ?? ProjectSort.Code, Page ?? 1, PageSize ?? 20);
}
