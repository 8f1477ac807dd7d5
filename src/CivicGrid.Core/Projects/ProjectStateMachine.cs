namespace CivicGrid.Core.Projects;

/// <summary>
/// Which moves each status allows and where they lead. An active project takes every move; a suspended one is replanned,
/// corrected, resumed or terminated, but reaches no stage until it is resumed; a terminated one takes none.
/// </summary>
public static class ProjectStateMachine
{
    private static readonly Dictionary<(ProjectStatus From, ProjectAction Action), ProjectStatus> Moves = new()
    {
        [(ProjectStatus.Active, ProjectAction.ReachStage)] = ProjectStatus.Active,
        [(ProjectStatus.Active, ProjectAction.PlanGates)] = ProjectStatus.Active,
        [(ProjectStatus.Active, ProjectAction.Suspend)] = ProjectStatus.Suspended,
        [(ProjectStatus.Active, ProjectAction.Terminate)] = ProjectStatus.Terminated,
        [(ProjectStatus.Active, ProjectAction.CorrectStage)] = ProjectStatus.Active,
        [(ProjectStatus.Suspended, ProjectAction.PlanGates)] = ProjectStatus.Suspended,
        [(ProjectStatus.Suspended, ProjectAction.Resume)] = ProjectStatus.Active,
        [(ProjectStatus.Suspended, ProjectAction.Terminate)] = ProjectStatus.Terminated,
        [(ProjectStatus.Suspended, ProjectAction.CorrectStage)] = ProjectStatus.Suspended,
    };

    public static ProjectStatus Target(ProjectStatus from, ProjectAction action) => Moves[(from, action)];

    public static IEnumerable<ProjectAction> ActionsFrom(ProjectStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    public static string? Refusal(ProjectStatus from, ProjectAction action) => Moves.ContainsKey((from, action)) ? null : (from, action) switch
    {
        (ProjectStatus.Terminated, _) => $"项目已终止，不能再{action.ChineseName()}",
        (ProjectStatus.Suspended, ProjectAction.ReachStage) => "项目停缓建中，请先恢复推进再登记阶段",
        (ProjectStatus.Suspended, ProjectAction.Suspend) => "项目已是停缓建状态",
        (ProjectStatus.Active, ProjectAction.Resume) => "项目正在推进，无需恢复",
        _ => $"当前状态“{from.ChineseName()}”不能{action.ChineseName()}",
    };
}
