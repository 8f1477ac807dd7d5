namespace CivicGrid.Core.Projects;

/// <summary>
/// The five gates the district's campaign (促五未提五率) counts, and the one definition of what a gate contributes as of
/// a day. docs/PROJECTS.md states it in words; reports that count in SQL must agree with <see cref="GateTally.Of"/>.
/// </summary>
public static class FiveGates
{
    public static readonly IReadOnlyList<ProjectStage> Tracked =
        [ProjectStage.Started, ProjectStage.Completed, ProjectStage.Producing, ProjectStage.AtCapacity, ProjectStage.ReachedTargets];

    public static bool IsTracked(this ProjectStage stage) => stage >= ProjectStage.Started;

    /// <summary>The "not yet" state of a tracked gate: 未开工, 未竣工, 未投产, 未达产, 未达效.</summary>
    public static string NotYetName(this ProjectStage stage) => stage switch
    {
        ProjectStage.Started => "未开工",
        ProjectStage.Completed => "未竣工",
        ProjectStage.Producing => "未投产",
        ProjectStage.AtCapacity => "未达产",
        ProjectStage.ReachedTargets => "未达效",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only the five gates from the start of construction are counted."),
    };

    /// <summary>The rate of a tracked gate: 开工率, 竣工率, 投产率, 达产率, 达效率.</summary>
    public static string RateName(this ProjectStage stage) => stage switch
    {
        ProjectStage.Started => "开工率",
        ProjectStage.Completed => "竣工率",
        ProjectStage.Producing => "投产率",
        ProjectStage.AtCapacity => "达产率",
        ProjectStage.ReachedTargets => "达效率",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only the five gates from the start of construction are counted."),
    };

    /// <summary>Whether a project counts at all on <paramref name="day"/>: it does unless it was terminated on or before that day.</summary>
    public static bool Counts(DateOnly? terminatedOn, DateOnly day) => terminatedOn is null || terminatedOn > day;

    /// <summary>A gate is reached on <paramref name="day"/> when its actual date is on or before it.</summary>
    public static bool IsReached(DateOnly? reachedOn, DateOnly day) => reachedOn <= day;

    /// <summary>A gate is due on <paramref name="day"/> when its planned date has come, or it was reached (early or unplanned).</summary>
    public static bool IsDue(DateOnly? plannedOn, DateOnly? reachedOn, DateOnly day) => plannedOn <= day || IsReached(reachedOn, day);

    /// <summary>A gate is "not yet" when it is due and not reached: its planned date has come and it has no actual date by then.</summary>
    public static bool IsNotYet(DateOnly? plannedOn, DateOnly? reachedOn, DateOnly day) => IsDue(plannedOn, reachedOn, day) && !IsReached(reachedOn, day);
}

/// <summary>One gate's counts over any set of projects: how many were due and how many of those reached.</summary>
public readonly record struct GateTally(long Due, long Reached)
{
    public long NotYet => Due - Reached;

    /// <summary>Reached ÷ Due; null when nothing was due.</summary>
    public double? Rate => Due == 0 ? null : (double)Reached / Due;

    /// <summary>What one gate of one project contributes on <paramref name="day"/>.</summary>
    public static GateTally Of(DateOnly? terminatedOn, DateOnly? plannedOn, DateOnly? reachedOn, DateOnly day) =>
        !FiveGates.Counts(terminatedOn, day) || !FiveGates.IsDue(plannedOn, reachedOn, day)
            ? default
            : new(1, FiveGates.IsReached(reachedOn, day) ? 1 : 0);

    public static GateTally operator +(GateTally a, GateTally b) => new(a.Due + b.Due, a.Reached + b.Reached);
}

/// <summary>
/// The five gates' tallies over a set of projects (五未 and 五率). Sum the tallies, then take the rates: a rate of many
/// projects, streets or months is ΣReached ÷ ΣDue, never an average of rates.
/// </summary>
public readonly record struct FiveRates(GateTally Started, GateTally Completed, GateTally Producing, GateTally AtCapacity, GateTally ReachedTargets)
{
    public static FiveRates Zero => default;

    public static FiveRates Of(MajorProject project, DateOnly day) =>
        Of(project.TerminatedOn, project.Gates.Select(g => (g.Stage, g.PlannedOn, g.ReachedOn)), day);

    public static FiveRates Of(DateOnly? terminatedOn, IEnumerable<(ProjectStage Stage, DateOnly? PlannedOn, DateOnly? ReachedOn)> gates, DateOnly day)
    {
        var tally = new GateTally[FiveGates.Tracked.Count];
        foreach (var (stage, planned, reached) in gates.Where(g => g.Stage.IsTracked()))
        {
            tally[stage - ProjectStage.Started] += GateTally.Of(terminatedOn, planned, reached, day);
        }
        return new(tally[0], tally[1], tally[2], tally[3], tally[4]);
    }

    public static FiveRates Sum(IEnumerable<FiveRates> many) => many.Aggregate(Zero, (a, b) => a + b);

    public GateTally this[ProjectStage stage] => stage switch
    {
        ProjectStage.Started => Started,
        ProjectStage.Completed => Completed,
        ProjectStage.Producing => Producing,
        ProjectStage.AtCapacity => AtCapacity,
        ProjectStage.ReachedTargets => ReachedTargets,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only the five gates from the start of construction are counted."),
    };

    /// <summary>The five tallies in the order of <see cref="FiveGates.Tracked"/>.</summary>
    public IReadOnlyList<GateTally> All => [Started, Completed, Producing, AtCapacity, ReachedTargets];

    public static FiveRates operator +(FiveRates a, FiveRates b) => new(
        a.Started + b.Started, a.Completed + b.Completed, a.Producing + b.Producing, a.AtCapacity + b.AtCapacity, a.ReachedTargets + b.ReachedTargets);
}
