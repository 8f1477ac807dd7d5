using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo;

/// <summary>
/// Historic cases for the demo and the benchmarks, played through the real state machine so every one is a case the
/// system could have produced: most are accepted and closed, some are dispatched, reworked, extended, escalated or
/// rejected, and most closed ones are rated. Deterministic for a seed. Each case keeps the timeline it was played
/// through, and the moves are made by the roles that may make them: a grid worker or the department resolves, community
/// staff dispatch, approve and verify (never the one who resolved), the resident rates.
/// </summary>
public sealed class DemoCases(IReadOnlyList<TerritoryNode> grids, IReadOnlyList<DeliberationItem> items, WorkingCalendar calendar, int seed = 20261123)
{
    private static readonly string[] Details =
    [
        "已持续一周，影响居民生活", "多次向物业反映未解决", "夜间尤为明显", "涉及整栋楼住户", "老人和孩子出行不便",
        "希望社区尽快协调处理", "雨天情况更加严重", "周边商户也有同样问题",
    ];

    /// <summary><paramref name="count"/> cases received between <paramref name="fromUtc"/> and <paramref name="toUtc"/>, with ids from <paramref name="firstId"/>.</summary>
    public IEnumerable<Case> Generate(int count, DateTime fromUtc, DateTime toUtc, int firstId = 1)
    {
        var random = new Random(seed);
        var span = (toUtc - fromUtc).Ticks;
        for (var i = 0; i < count; i++)
        {
            var grid = grids[random.Next(grids.Count)];
            var item = items[random.Next(items.Count)];
            var received = DateTime.SpecifyKind(fromUtc.AddTicks((long)(random.NextDouble() * span)), DateTimeKind.Utc);
            var c = new Case
            {
                Id = firstId + i,
                ItemCode = item.Code,
                GridCode = grid.Code,
                Description = $"{item.Name}：{Details[random.Next(Details.Length)]}",
                Latitude = grid.CentreLatitude + (random.NextDouble() - 0.5) * 0.002,
                Longitude = grid.CentreLongitude + (random.NextDouble() - 0.5) * 0.002,
                Source = (CaseSource)random.Next(2),
                Token = $"demo{firstId + i:x8}",
            };
            Play(c, new CaseRules(item, calendar, received), random, toUtc);
            yield return c;
        }
    }

    private static void Play(Case c, CaseRules rules, Random random, DateTime until)
    {
        c.Receive(rules, c.Source == CaseSource.Visit ? GridWorker : Resident);
        var now = rules.NowUtc;
        bool Step(CaseAction action, double hours, CaseCommand? command = null)
        {
            now = now.AddHours(hours * (0.5 + random.NextDouble()));
            return now < until && c.Apply(command ?? new CaseCommand(action, ActorOf(c, action), "办理说明"), rules with { NowUtc = now }) is null;
        }
        if (random.NextDouble() < 0.04)
        {
            Step(CaseAction.Reject, 1);
            return;
        }
        if (random.NextDouble() < 0.05 && !Step(CaseAction.Escalate, 4))
        {
            return;
        }
        if (!Step(CaseAction.Accept, 1))
        {
            return;
        }
        var handled = rules.Item.DepartmentCode is { } department
            ? Step(CaseAction.Dispatch, 2, new CaseCommand(CaseAction.Dispatch, CommunityStaff, "派单") { DepartmentCode = department })
            : Step(CaseAction.Handle, 1);
        if (!handled || (random.NextDouble() < 0.08 && !Extend(c, rules, random, ref now, until)))
        {
            return;
        }
        if (!Step(CaseAction.Resolve, 24 * (1 + random.Next(6))))
        {
            return;
        }
        if (random.NextDouble() < 0.06 && (!Step(CaseAction.FailVerification, 4) || !Step(CaseAction.Resolve, 24)))
        {
            return;
        }
        if (!Step(CaseAction.Verify, 6) || !Step(CaseAction.Close, 2) || random.NextDouble() < 0.2)
        {
            return;
        }
        var roll = random.NextDouble();
        var rating = roll < 0.82 ? CaseRating.Satisfied : roll < 0.95 ? CaseRating.BasicallySatisfied : CaseRating.Unsatisfied;
        Step(CaseAction.Rate, 24, new CaseCommand(CaseAction.Rate, Resident) { Rating = rating });
    }

    private const string GridWorker = "网格员";
    private const string CommunityStaff = "社区工作者";
    private const string Resident = "居民";
    private const string Department = "承办部门";

    /// <summary>Who makes a move in the demo's history: whoever may make it, and never the resolver verifying their own result.</summary>
    private static string ActorOf(Case c, CaseAction action) => action switch
    {
        CaseAction.Resolve when c.Status == CaseStatus.Dispatched => Department,
        CaseAction.Dispatch or CaseAction.Verify or CaseAction.FailVerification or CaseAction.Close or CaseAction.ApproveExtension => CommunityStaff,
        _ => GridWorker,
    };

    private static bool Extend(Case c, CaseRules rules, Random random, ref DateTime now, DateTime until)
    {
        now = now.AddHours(24);
        return now < until
            && c.Apply(new CaseCommand(CaseAction.RequestExtension, c.Status == CaseStatus.Dispatched ? Department : GridWorker, "需协调多方") { ExtensionDays = 1 + random.Next(5) }, rules with { NowUtc = now }) is null
            && c.Apply(new CaseCommand(CaseAction.ApproveExtension, CommunityStaff, "同意"), rules with { NowUtc = now.AddHours(2) }) is null;
    }
}
