using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Projects.Blockers;

/// <summary>
/// A cadre logs a blocker (登记堵点) on a project of their service group: a case of the blocker type's item (1001–1007)
/// at the project's site, with the cadre as requester, accepted and dispatched at once to the department the item
/// names. From there it is the loop's: working-day deadlines, pressing, escalation, the cadre's verification.
/// </summary>
public sealed record LogBlocker(int ProjectId, BlockerType? Type, string Description)
{
    public IReadOnlyList<string> Attachments { get; init; } = [];
}

public sealed record LoggedBlocker(int BlockerId, int CaseId, string Status);

public sealed class LogBlockerHandler(CivicGridDbContext db, SubmitCaseHandler submit, IServiceScopeFactory scopes)
{
    /// <summary>The actor of the moves the system makes for the cadre: acceptance and dispatch.</summary>
    public const string Dispatcher = "项目堵点派单";

    public async Task<Outcome<LoggedBlocker>> HandleAsync(LogBlocker command, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        // Only cadres log blockers: the one who logs a blocker verifies its removal, which the project office cannot.
        if (!who.Role.May(Permission.FollowProjects))
        {
            return Outcome<LoggedBlocker>.Forbidden("当前角色无权登记项目堵点");
        }
        var project = await db.MajorProjects.AsNoTracking().Where(p => p.Id == command.ProjectId)
            .Select(p => new { p.Id, p.Code, p.Status, p.Latitude, p.Longitude, p.ServiceGroupId }).FirstOrDefaultAsync(ct);
        if (project is null || who.ServiceGroupId is { } group && project.ServiceGroupId != group)
        {
            // Whether or not the project exists, it is not the cadre's: the answer names nothing.
            return who.ServiceGroupId is null ? Outcome<LoggedBlocker>.NotFound() : Outcome<LoggedBlocker>.Forbidden(ProjectPermissions.OtherGroup);
        }
        if (project.Status == ProjectStatus.Terminated)
        {
            return Outcome<LoggedBlocker>.Invalid("ProjectId", "项目已终止，不能再登记堵点");
        }
        if (command.Type is not { } type || !Enum.IsDefined(type))
        {
            return Outcome<LoggedBlocker>.Invalid("Type", "请选择堵点类型");
        }
        var submitted = await submit.HandleAsync(new SubmitCase(type.ItemCode(), command.Description ?? "", project.Latitude, project.Longitude, null)
        {
            Attachments = command.Attachments,
            Answers = new Dictionary<string, string> { [BlockerAnswer] = project.Code },
            AtProjectSite = true,
        }, ct);
        if (submitted.Value is not { } c)
        {
            return new(submitted.Kind, null, submitted.Errors);
        }
        var blocker = new ProjectBlocker { ProjectId = project.Id, CaseId = c.Id, Type = type, LoggedBy = who.ActorName, LoggedAt = db.Clock.GetUtcNow().UtcDateTime };
        db.ProjectBlockers.Add(blocker);
        await db.SaveChangesAsync(ct);
        var status = await DispatchAsync(c.Id, type, ct);
        return Outcome<LoggedBlocker>.Ok(new LoggedBlocker(blocker.Id, c.Id, status));
    }

    /// <summary>The answer a blocker's case carries: the project's code, so the case names its project even on its own.</summary>
    public const string BlockerAnswer = "project";

    /// <summary>
    /// Accepts and dispatches as the system: the cadre is no territorial official and may make neither move. Should
    /// either fail, the case waits at its community as any department case does, and is dispatched from there.
    /// </summary>
    private async Task<string> DispatchAsync(int caseId, BlockerType type, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction(Dispatcher));
        var reference = scope.ServiceProvider.GetRequiredService<CaseReference>();
        var system = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var department = (await reference.GetAsync(system, ct)).Items[type.ItemCode()].DepartmentCode;
        var act = scope.ServiceProvider.GetRequiredService<ActOnCaseHandler>();
        var accepted = await act.HandleAsync(new ActOnCase(caseId, new CaseCommand(CaseAction.Accept, Dispatcher) { Note = "项目堵点登记即受理" }), ct);
        if (accepted.Value is null || department is null)
        {
            return accepted.Value?.Status ?? CaseStatus.Received.ToString();
        }
        var dispatched = await act.HandleAsync(new ActOnCase(caseId, new CaseCommand(CaseAction.Dispatch, Dispatcher) { DepartmentCode = department }), ct);
        return (dispatched.Value ?? accepted.Value).Status;
    }
}
