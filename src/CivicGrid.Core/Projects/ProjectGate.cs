namespace CivicGrid.Core.Projects;

/// <summary>
/// One stage gate of a project (节点): when the stage is planned to be reached and when it was. Every project has one row
/// per stage, so reports count gates by stage and date without unpivoting columns.
/// </summary>
public sealed class ProjectGate
{
    public int ProjectId { get; set; }
    public ProjectStage Stage { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? ReachedOn { get; set; }
}

/// <summary>The investment planned for one calendar year (年度计划投资).</summary>
public sealed class ProjectYearPlan
{
    public int ProjectId { get; set; }
    public int Year { get; set; }
    public Enterprises.Money Planned { get; set; }
}

/// <summary>One entry of a project's timeline: who made which move, when, and why.</summary>
public sealed class ProjectEvent
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public DateTime At { get; set; }
    public ProjectAction Action { get; set; }
    /// <summary>The stage the move reached or took back.</summary>
    public ProjectStage? Stage { get; set; }
    /// <summary>The date the move states: the actual date of a stage.</summary>
    public DateOnly? On { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}

/// <summary>A gate's dates as a request states them.</summary>
public sealed record GateDates(ProjectStage Stage, DateOnly? PlannedOn, DateOnly? ReachedOn = null);

/// <summary>A year's planned investment as a request states it.</summary>
public sealed record YearPlan(int Year, Enterprises.Money Planned);
