using CivicGrid.Core.Projects;
using FsCheck.Xunit;
using static CivicGrid.Core.Tests.Projects.ProjectWorld;

namespace CivicGrid.Core.Tests.Projects;

/// <summary>Arbitrary moves on a project, many of them illegal, with dates around the signing date and today.</summary>
public class ProjectLifecycleProperties
{
    private static readonly ProjectAction[] Actions = Enum.GetValues<ProjectAction>();

    [Property(MaxTest = 500)]
    public void GatesStayInOrderStagesNeverSkipTerminatedIsFinalAndRefusalsChangeNothing(int[] script)
    {
        var p = Registered();
        foreach (var step in script)
        {
            var bits = (uint)step;
            var command = Command(bits);
            var before = Snapshot(p);
            var (stage, status) = (p.Stage, p.Status);

            var refusal = p.Apply(command, Today, Now);

            if (refusal is not null || status == ProjectStatus.Terminated)
            {
                Assert.False(string.IsNullOrWhiteSpace(refusal));
                Assert.Equal(before, Snapshot(p));
            }
            else
            {
                Assert.InRange((int)p.Stage - (int)stage, -1, 1);
                Assert.True(p.Stage == stage || command.Action is ProjectAction.ReachStage or ProjectAction.CorrectStage);
            }
            AssertGatesInOrder(p);
        }
    }

    private static void AssertGatesInOrder(MajorProject p)
    {
        var reached = p.Gates.OrderBy(g => g.Stage).TakeWhile(g => g.ReachedOn is not null).ToList();
        Assert.Equal(p.Stage, reached[^1].Stage);
        Assert.All(p.Gates.Where(g => g.Stage > p.Stage), g => Assert.Null(g.ReachedOn));
        Assert.All(reached.Zip(reached.Skip(1)), pair => Assert.True(pair.First.ReachedOn <= pair.Second.ReachedOn));
        Assert.All(reached, g => Assert.True(g.ReachedOn <= Today));
        var planned = p.Gates.Where(g => g.PlannedOn is not null).OrderBy(g => g.Stage).ToList();
        Assert.All(planned.Zip(planned.Skip(1)), pair => Assert.True(pair.First.PlannedOn <= pair.Second.PlannedOn));
    }

    private static ProjectCommand Command(uint bits)
    {
        var action = Actions[bits % (uint)Actions.Length];
        var day = new DateOnly(2026, 1, 1).AddDays((int)((bits >> 3) % 400));
        var stage = (bits & 0x10000) == 0 ? null : (ProjectStage?)ProjectNames.Stages[(int)((bits >> 17) % 8)];
        return new ProjectCommand(action, "专员", (bits & 0x800000) == 0 ? "原因" : null)
        {
            Stage = stage,
            On = (bits & 0x1000000) == 0 ? day : null,
            Plans = action == ProjectAction.PlanGates ? [new GateDates(stage ?? ProjectStage.Started, (bits & 0x2000000) == 0 ? day : null)] : [],
        };
    }

    private static string Snapshot(MajorProject p) =>
        $"{p.Status}/{p.Stage}/{p.StatusReason}/{p.TerminatedOn}/{p.Version}/{p.Timeline.Count}/"
        + string.Join(';', p.Gates.OrderBy(g => g.Stage).Select(g => $"{g.PlannedOn}-{g.ReachedOn}"));
}
