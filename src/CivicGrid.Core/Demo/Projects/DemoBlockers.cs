using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;

namespace CivicGrid.Core.Demo.Projects;

/// <summary>
/// The demo's blockers on its major projects, each a case of its type's item played through the real state machine as
/// the blocker path plays it: logged by a cadre of the project's group, accepted and dispatched at once to the item's
/// department, resolved by it (some late, some reworked), verified and closed by the cadre; some are still open and a
/// few of those are past their deadline and pressed. Deterministic for a seed.
/// </summary>
public sealed class DemoBlockers(IReadOnlyDictionary<BlockerType, DeliberationItem> items, WorkingCalendar calendar, int seed = 20261205)
{
    /// <summary>A project as the demo places its blockers: its grid and point, and the cadre who logs them.</summary>
    public sealed record Site(int ProjectId, string GridCode, double Latitude, double Longitude, string CadreId, string CadreName);

    private static readonly string[] Details =
    [
        "用地指标尚未落实，影响开工", "施工许可办理材料反复补正", "配套政策兑现进度慢", "银行授信审批未通过", "施工用电接入排期过长",
        "地块内尚有两户未签约", "周边道路占道审批未批复", "环评批复等待专家评审",
    ];

    public const string Dispatcher = "项目堵点派单";
    private const string DepartmentActor = "承办部门";
    private const string Office = "区项目办";

    public IEnumerable<(Case Case, ProjectBlocker Blocker)> Generate(IReadOnlyList<Site> sites, int count, DateTime fromUtc, DateTime toUtc, int firstCaseId)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<BlockerType>();
        var span = (toUtc - fromUtc).Ticks;
        for (var i = 0; i < count && sites.Count > 0; i++)
        {
            var site = sites[random.Next(sites.Count)];
            // Land and permits block most often.
            var type = random.NextDouble() < 0.5 ? types[random.Next(2)] : types[random.Next(types.Length)];
            var logged = DateTime.SpecifyKind(fromUtc.AddTicks((long)(random.NextDouble() * span)), DateTimeKind.Utc);
            var c = new Case
            {
                Id = firstCaseId + i, ItemCode = type.ItemCode(), GridCode = site.GridCode,
                Description = $"{type.ChineseName()}堵点：{Details[random.Next(Details.Length)]}",
                Latitude = site.Latitude, Longitude = site.Longitude, Source = CaseSource.Visit, SubmitterId = site.CadreId,
                Token = $"blk{firstCaseId + i:x8}",
            };
            Play(c, new CaseRules(items[type], calendar, logged), random, toUtc, $"项目服务专员 {site.CadreName}");
            yield return (c, new ProjectBlocker { ProjectId = site.ProjectId, CaseId = c.Id, Type = type, LoggedBy = site.CadreName, LoggedAt = logged });
        }
    }

    private static void Play(Case c, CaseRules rules, Random random, DateTime until, string cadre)
    {
        c.Receive(rules, cadre);
        var now = rules.NowUtc;
        bool Step(CaseAction action, double hours, string actor, CaseCommand? command = null)
        {
            now = now.AddHours(hours);
            return now < until && c.Apply(command ?? new CaseCommand(action, actor, "办理说明"), rules with { NowUtc = now }) is null;
        }
        if (!Step(CaseAction.Accept, 0.1, Dispatcher)
            || !Step(CaseAction.Dispatch, 0.1, Dispatcher, new CaseCommand(CaseAction.Dispatch, Dispatcher, "派单") { DepartmentCode = rules.Item.DepartmentCode }))
        {
            return;
        }
        // Most are resolved within their deadline; about one in six runs late, and one in ten is still open.
        var deadline = (c.ResolveBy!.Value - now).TotalHours;
        var roll = random.NextDouble();
        var hours = roll < 0.27 ? deadline * (1.1 + random.NextDouble()) : deadline * (0.1 + 0.8 * random.NextDouble());
        if (roll < 0.1 || now.AddHours(hours) >= until)
        {
            PressIfLate(c, rules, until);
            return;
        }
        if (!Step(CaseAction.Resolve, hours, DepartmentActor))
        {
            return;
        }
        if (random.NextDouble() < 0.06 && (!Step(CaseAction.FailVerification, 24, cadre) || !Step(CaseAction.Resolve, 72, DepartmentActor)))
        {
            return;
        }
        if (Step(CaseAction.Verify, 24 * (0.5 + random.NextDouble()), cadre))
        {
            Step(CaseAction.Close, 0.2, cadre);
        }
    }

    /// <summary>An open blocker past its deadline is pressed (督办) by the project office the working day after.</summary>
    private static void PressIfLate(Case c, CaseRules rules, DateTime until)
    {
        var pressAt = c.ResolveBy!.Value.AddDays(1);
        if (pressAt < until)
        {
            c.Apply(new CaseCommand(CaseAction.Press, Office, "请加快办理"), rules with { NowUtc = pressAt });
        }
    }
}
