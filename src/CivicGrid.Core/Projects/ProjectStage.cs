namespace CivicGrid.Core.Projects;

/// <summary>The stages of a major project's life (项目阶段), in the order it passes them.</summary>
public enum ProjectStage
{
    Signed,
    Landed,
    Permitted,
    Started,
    Completed,
    Producing,
    AtCapacity,
    ReachedTargets,
}

/// <summary>Whether a project is being pursued (项目状态).</summary>
public enum ProjectStatus
{
    Active,
    /// <summary>停缓建: halted for a stated reason, resumed later.</summary>
    Suspended,
    /// <summary>终止: given up; final.</summary>
    Terminated,
}

/// <summary>What can be done to a project through <see cref="MajorProject.Apply"/>.</summary>
public enum ProjectAction
{
    ReachStage,
    PlanGates,
    Suspend,
    Resume,
    Terminate,
    /// <summary>Takes back the last stage recorded by mistake (project office only).</summary>
    CorrectStage,
}

/// <summary>The kind of a blocker (堵点) logged on a project; the blocker itself is a case in the loop.</summary>
public enum BlockerType
{
    Land,
    Permits,
    Policy,
    Financing,
    Utilities,
    Relocation,
    Other,
}

public static class ProjectNames
{
    public static readonly IReadOnlyList<ProjectStage> Stages = Enum.GetValues<ProjectStage>();

    public static string ChineseName(this ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => "签约",
        ProjectStage.Landed => "落地",
        ProjectStage.Permitted => "供地与手续",
        ProjectStage.Started => "开工",
        ProjectStage.Completed => "竣工",
        ProjectStage.Producing => "投产",
        ProjectStage.AtCapacity => "达产",
        _ => "达效",
    };

    public static string ChineseName(this ProjectStatus status) => status switch
    {
        ProjectStatus.Active => "推进中",
        ProjectStatus.Suspended => "停缓建",
        _ => "已终止",
    };

    public static string ChineseName(this ProjectAction action) => action switch
    {
        ProjectAction.ReachStage => "登记阶段",
        ProjectAction.PlanGates => "调整计划节点",
        ProjectAction.Suspend => "停缓建",
        ProjectAction.Resume => "恢复推进",
        ProjectAction.Terminate => "终止项目",
        _ => "更正阶段",
    };

    public static string ChineseName(this BlockerType type) => type switch
    {
        BlockerType.Land => "用地",
        BlockerType.Permits => "手续审批",
        BlockerType.Policy => "政策",
        BlockerType.Financing => "融资",
        BlockerType.Utilities => "水电气配套",
        BlockerType.Relocation => "征迁",
        _ => "其他",
    };

    /// <summary>The deliberation item (case category 重大项目) a blocker of this type is raised under: 1001–1007.</summary>
    public static string ItemCode(this BlockerType type) => $"10{(int)type + 1:00}";

    /// <summary>The sectors the district groups its projects by; the field is free data, these are the usual ones.</summary>
    public static readonly IReadOnlyList<string> Sectors = ["数字经济", "生命健康", "先进制造", "现代商贸", "文化旅游", "现代金融", "城市更新"];
}
