namespace CivicGrid.Core.Projects;

/// <summary>
/// The order a project's gates keep: planned dates never go backwards from one stage to the next, actual dates are
/// reached stage after stage with no gap, never backwards and never after today.
/// </summary>
public static class GateRules
{
    /// <summary>Why the planned dates are out of order, naming both gates; null when they are in order. Gates without a date are skipped.</summary>
    public static string? PlannedOutOfOrder(IEnumerable<GateDates> gates)
    {
        GateDates? before = null;
        foreach (var gate in gates.Where(g => g.PlannedOn is not null).OrderBy(g => g.Stage))
        {
            if (before is not null && gate.PlannedOn < before.PlannedOn)
            {
                return $"“{gate.Stage.ChineseName()}”的计划日期（{gate.PlannedOn:yyyy-MM-dd}）早于“{before.Stage.ChineseName()}”的计划日期（{before.PlannedOn:yyyy-MM-dd}）";
            }
            before = gate;
        }
        return null;
    }

    /// <summary>Why the actual dates are not a run of reached stages in order up to today; null when they are.</summary>
    public static string? ReachedOutOfOrder(IEnumerable<GateDates> gates, DateOnly today)
    {
        var byStage = gates.ToDictionary(g => g.Stage);
        GateDates? before = null;
        foreach (var stage in ProjectNames.Stages)
        {
            if (!byStage.TryGetValue(stage, out var gate) || gate.ReachedOn is null)
            {
                var later = byStage.Values.Where(g => g.Stage > stage && g.ReachedOn is not null).OrderBy(g => g.Stage).FirstOrDefault();
                return later is null ? null : $"已填写“{later.Stage.ChineseName()}”的实际日期，但“{stage.ChineseName()}”尚无实际日期";
            }
            if (gate.ReachedOn > today)
            {
                return $"“{stage.ChineseName()}”的实际日期（{gate.ReachedOn:yyyy-MM-dd}）晚于今天";
            }
            if (before is not null && gate.ReachedOn < before.ReachedOn)
            {
                return $"“{stage.ChineseName()}”的实际日期（{gate.ReachedOn:yyyy-MM-dd}）早于“{before.Stage.ChineseName()}”的实际日期（{before.ReachedOn:yyyy-MM-dd}）";
            }
            before = gate;
        }
        return null;
    }
}
