using CivicGrid.App.Data;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// One move of a project (<see cref="ProjectAction"/>): a stage reached, gates replanned, suspended, resumed, terminated,
/// the last stage corrected. <see cref="ProjectPermissions"/> says who may make which.
/// </summary>
public sealed record MoveProject(int Id, ProjectAction Action, string? Note = null, ProjectStage? Stage = null, DateOnly? On = null,
    IReadOnlyList<GateDates>? Plans = null, int? Version = null);

public sealed class MoveProjectHandler(CivicGridDbContext db, GetProjectHandler get)
{
    public const string Conflict = "该项目刚被他人更新，本次操作未保存，请刷新后重试";

    public async Task<Outcome<ProjectDetail>> HandleAsync(MoveProject command, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (!role.May(command.Action))
        {
            return Outcome<ProjectDetail>.Forbidden(ProjectPermissions.Refusal);
        }
        var (project, missing) = await ProjectsInScope.FindAsync<ProjectDetail>(db, command.Id, ct);
        if (project is null)
        {
            return missing!;
        }
        if (command.Version is { } version && version != project.Version)
        {
            return Outcome<ProjectDetail>.Invalid("", Conflict);
        }
        var move = new ProjectCommand(command.Action, db.Jurisdiction.ActorName, command.Note) { Stage = command.Stage, On = command.On, Plans = command.Plans ?? [] };
        if (project.Apply(move, db.Clock.Today(), db.Clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<ProjectDetail>.Invalid("", refusal);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ProjectDetail>.Invalid("", Conflict);
        }
        return await get.HandleAsync(new GetProject(project.Id), ct);
    }
}
