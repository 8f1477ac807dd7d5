using CivicGrid.Core.Cases;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Cases;

public class CaseStateMachineTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly CaseAction[] Actions = Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Receive).ToArray();
    private static readonly CaseRating[] Ratings = Enum.GetValues<CaseRating>();

    /// <summary>Plays a sequence of arbitrary commands, most of them illegal, and returns the case and how many were accepted.</summary>
    private static (Case Case, int Applied, List<string> Broken) Play(int[] script, bool deliberable)
    {
        var item = DeliberationList.Items().First(i => i.MayDeliberate == deliberable);
        var c = new Case { Id = 1, ItemCode = item.Code, GridCode = "330105001001001", Description = "测试诉求" };
        var now = Start;
        c.Receive(new CaseRules(item, WorkingCalendar.WeekdaysOnly, now), "居民");
        var applied = 0;
        var broken = new List<string>();
        foreach (var step in script)
        {
            now = now.AddHours(Math.Abs(step % 11));
            var before = (c.Status, c.Level, c.Timeline.Count, c.Version);
            var refusal = c.Apply(Command(step), new CaseRules(item, WorkingCalendar.WeekdaysOnly, now));
            if (refusal is null)
            {
                applied++;
                if (c.Level < before.Level)
                {
                    broken.Add("level went down");
                }
            }
            else if ((c.Status, c.Level, c.Timeline.Count, c.Version) != before)
            {
                broken.Add($"refused {Command(step).Action} changed the case");
            }
            broken.AddRange(Invariants(c));
        }
        return (c, applied, broken);
    }

    private static CaseCommand Command(int step)
    {
        var bits = (uint)step;
        var action = Actions[(int)(bits % (uint)Actions.Length)];
        var withNote = (bits & 0x100) == 0 || (bits & 0x200) == 0;
        // Two people act, so a case resolved by one may be verified by the other.
        return new CaseCommand(action, (bits & 0x800) == 0 ? "网格员" : "社区工作者", withNote ? "说明" : null)
        {
            DepartmentCode = (bits & 0x400) == 0 ? "CG" : null,
            DeliberationDayId = 1,
            ExtensionDays = (int)(bits >> 12) % 4,
            Rating = Ratings[(int)(bits >> 16) % Ratings.Length],
            ProcessScore = (int)(bits >> 20) % 6,
            ResultScore = 5,
            MergeInto = 2,
        };
    }

    private static IEnumerable<string> Invariants(Case c)
    {
        var timeline = c.Timeline;
        for (var i = 1; i < timeline.Count; i++)
        {
            if (timeline[i].From != timeline[i - 1].To)
            {
                yield return $"timeline gap at {i}";
            }
        }
        if (timeline[^1].To != c.Status)
        {
            yield return "last entry does not end where the case stands";
        }
        if (CaseTimeline.Problem(timeline, c.Status) is { } replay)
        {
            yield return $"timeline does not replay: {replay}";
        }
        if (c.Status == CaseStatus.Dispatched && c.DepartmentCode is null)
        {
            yield return "dispatched without a department";
        }
        var n = IndicatorCounts.Of(c);
        if (n.Closed > n.Resolved || n.ClosedOnTime > n.Closed || n.Resolved > n.Due || n.Due > n.Accepted || n.Satisfied + n.BasicallySatisfied > n.Rated)
        {
            yield return $"inconsistent counts {n}";
        }
    }

    [Property(MaxTest = 2000)]
    public Property NoSequenceOfCommandsBreaksTheLoop(int[] script, bool deliberable)
    {
        var (_, _, broken) = Play(script, deliberable);
        return (broken.Count == 0).Label(string.Join("; ", broken));
    }

    [Property(MaxTest = 2000)]
    public Property EveryClosedCaseHasACompleteTimeline(int[] script, bool deliberable)
    {
        var (c, _, _) = Play(script, deliberable);
        if (c.Status is not (CaseStatus.Closed or CaseStatus.Evaluated))
        {
            return true.ToProperty();
        }
        var actions = c.Timeline.Select(t => t.Action).ToList();
        var lastClose = actions.LastIndexOf(CaseAction.Close);
        var lastVerify = actions.LastIndexOf(CaseAction.Verify);
        var lastResolve = actions.LastIndexOf(CaseAction.Resolve);
        var handled = actions.FindIndex(a => a is CaseAction.Handle or CaseAction.PutOnAgenda or CaseAction.Dispatch);
        var accepted = actions.IndexOf(CaseAction.Accept);
        return (actions[0] == CaseAction.Receive && accepted > 0 && handled > accepted && lastResolve > handled && lastVerify > lastResolve && lastClose > lastVerify)
            .Label(string.Join(",", actions));
    }

    [Fact]
    public void ScriptsReachEveryStateSoThePropertiesAreNotVacuous()
    {
        var reached = new HashSet<CaseStatus>();
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var script = Enumerable.Range(0, 30).Select(_ => random.Next()).ToArray();
            var (c, _, _) = Play(script, i % 2 == 0);
            reached.UnionWith(c.Timeline.Select(t => t.To));
        }
        Assert.Equal(Enum.GetValues<CaseStatus>().ToHashSet(), reached);
    }

    [Fact]
    public void AnUnsatisfiedRatingReopensTheCaseWithANewDeadline()
    {
        var item = DeliberationList.Items()[0];
        var c = new Case { ItemCode = item.Code, GridCode = "330105001001001", Description = "测试诉求" };
        var rules = new CaseRules(item, WorkingCalendar.WeekdaysOnly, Start);
        c.Receive(rules, "居民");
        foreach (var action in new[] { CaseAction.Accept, CaseAction.Handle, CaseAction.Resolve, CaseAction.Verify, CaseAction.Close })
        {
            Assert.Null(c.Apply(new CaseCommand(action, action == CaseAction.Verify ? "社区工作者" : "网格员", "说明"), rules));
        }
        var later = rules with { NowUtc = Start.AddDays(1) };

        Assert.Null(c.Apply(new CaseCommand(CaseAction.Rate, "居民") { Rating = CaseRating.Unsatisfied }, later));

        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(CaseStatus.Accepted, c.Timeline[^1].To);
        Assert.True(c.ResolveBy > later.NowUtc);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void EscalationStopsAtTheDistrict()
    {
        var item = DeliberationList.Items()[0];
        var c = new Case { ItemCode = item.Code, GridCode = "330105001001001", Description = "测试诉求" };
        var rules = new CaseRules(item, WorkingCalendar.WeekdaysOnly, Start);
        c.Receive(rules, "居民");
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(c.Apply(new CaseCommand(CaseAction.Escalate, "系统", "超时"), rules));
        }

        Assert.Equal(HandlingLevel.District, c.Level);
        Assert.Equal("330105", c.OwnerCode);
        Assert.Equal("已在区级办理，无法继续升级", c.Apply(new CaseCommand(CaseAction.Escalate, "系统", "超时"), rules));
    }
}
