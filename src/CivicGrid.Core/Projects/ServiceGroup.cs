namespace CivicGrid.Core.Projects;

/// <summary>
/// A special service group (专项服务组) of cadres who move their office to the sites and follow a set of projects.
/// Its cadres are staff accounts of the role <see cref="Access.StaffRole.ProjectCadre"/> bound to it.
/// </summary>
public sealed class ServiceGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>What the group concentrates on, e.g. "数字经济项目" or "城市更新与征迁".</summary>
    public string? Focus { get; set; }
    /// <summary>The group leader's name (组长).</summary>
    public string? LeaderName { get; set; }

    public const int MaxNameLength = 50;
    public const int MaxFocusLength = 200;
}

/// <summary>A blocker (堵点) logged on a project: the blocker itself is a case in the loop, of the item its type names.</summary>
public sealed class ProjectBlocker
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CaseId { get; set; }
    public BlockerType Type { get; set; }
    public required string LoggedBy { get; set; }
    public DateTime LoggedAt { get; set; }
}
