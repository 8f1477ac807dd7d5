namespace CivicGrid.Core.Projects;

/// <summary>The checks a legal move must also pass, and what it changes.</summary>
internal static class ProjectMoves
{
    public static string? Check(MajorProject p, ProjectCommand c, DateOnly today) => c.Action switch
    {
        _ when c.Note?.Length > ProjectCommand.MaxNoteLength => $"说明不超过 {ProjectCommand.MaxNoteLength} 字",
        ProjectAction.ReachStage => ReachRefusal(p, c, today),
        ProjectAction.PlanGates => PlanRefusal(p, c),
        ProjectAction.Suspend or ProjectAction.Terminate or ProjectAction.CorrectStage when string.IsNullOrWhiteSpace(c.Note) =>
            $"“{c.Action.ChineseName()}”须填写原因",
        ProjectAction.CorrectStage when p.Stage == ProjectStage.Signed => "签约阶段不能更正",
        _ => null,
    };

    private static string? ReachRefusal(MajorProject p, ProjectCommand c, DateOnly today)
    {
        if (p.Stage == ProjectStage.ReachedTargets)
        {
            return "项目已达效，没有后续阶段";
        }
        var next = p.Stage + 1;
        var previous = p.Gate(p.Stage).ReachedOn;
        return c switch
        {
            { Stage: { } s } when s != next => $"下一阶段是“{next.ChineseName()}”，不能登记“{s.ChineseName()}”",
            { On: null } => $"请填写“{next.ChineseName()}”的实际日期",
            { On: { } on } when on > today => $"“{next.ChineseName()}”的实际日期（{on:yyyy-MM-dd}）晚于今天",
            { On: { } on } when on < previous =>
                $"“{next.ChineseName()}”的实际日期（{on:yyyy-MM-dd}）早于“{p.Stage.ChineseName()}”的实际日期（{previous:yyyy-MM-dd}）",
            _ => null,
        };
    }

    private static string? PlanRefusal(MajorProject p, ProjectCommand c)
    {
        if (c.Plans.Count == 0)
        {
            return "请填写要调整的计划节点";
        }
        if (c.Plans.GroupBy(g => g.Stage).Any(g => g.Count() > 1))
        {
            return "同一阶段填写了两次";
        }
        if (c.Plans.Any(g => g.Stage == ProjectStage.Signed))
        {
            return "签约节点以签约日期为准，不需计划";
        }
        return GateRules.PlannedOutOfOrder(Planned(p, c));
    }

    private static IEnumerable<GateDates> Planned(MajorProject p, ProjectCommand c)
    {
        var plans = c.Plans.ToDictionary(g => g.Stage, g => g.PlannedOn);
        return p.Gates.Select(g => new GateDates(g.Stage, plans.TryGetValue(g.Stage, out var planned) ? planned : g.PlannedOn));
    }

    /// <summary>Changes the project for a checked move; returns the stage the move concerns.</summary>
    public static ProjectStage? Effect(MajorProject p, ProjectCommand c, DateOnly today)
    {
        switch (c.Action)
        {
            case ProjectAction.ReachStage:
                var next = p.Stage + 1;
                p.Gate(next).ReachedOn = c.On;
                p.MoveTo(next);
                return next;
            case ProjectAction.PlanGates:
                foreach (var plan in c.Plans)
                {
                    p.Gate(plan.Stage).PlannedOn = plan.PlannedOn;
                }
                return null;
            case ProjectAction.CorrectStage:
                var taken = p.Stage;
                p.Gate(taken).ReachedOn = null;
                p.MoveTo(taken - 1);
                return taken;
            case ProjectAction.Suspend:
                p.SetStatusReason(c.Note!.Trim(), null);
                return null;
            case ProjectAction.Resume:
                p.SetStatusReason(null, null);
                return null;
            case ProjectAction.Terminate:
                p.SetStatusReason(c.Note!.Trim(), today);
                return null;
            default:
                return null;
        }
    }
}
