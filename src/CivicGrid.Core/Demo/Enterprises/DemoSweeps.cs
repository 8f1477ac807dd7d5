using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Sweeps;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>The demo's sweeps, with ids assigned so the caller writes them as they are.</summary>
public sealed record DemoSweepRows(IReadOnlyList<RunnerAssignment> Assignments, IReadOnlyList<EnterpriseVisit> Visits);

/// <summary>
/// Runners' building sweeps for the demo (扫楼跑企): each community's office buildings dealt out to its runners a year
/// and a month ago, and a year of visits made through <see cref="EnterpriseVisit.Record"/>, so each is on a building
/// assigned to its runner that day. Key tax-paying firms are visited about every two and a half months and most are
/// covered today, though one in eight lapsed months ago and is overdue; about one other firm in six had a visit in the year.
/// Deterministic for a seed; pure, the caller stores.
/// </summary>
public sealed class DemoSweeps(
    IReadOnlyList<Building> offices, IReadOnlyList<Enterprise> enterprises, IReadOnlyDictionary<int, IReadOnlyList<string>> runnersByCommunity, int seed = 20261205)
{
    private static readonly string[] Met = ["总经理", "行政主管", "财务负责人", "人事经理", "法定代表人", "办公室主任"];
    private static readonly string[] Notes = ["经营正常，暂无诉求", "关注稳岗补贴政策", "询问人才公寓申请", "计划扩租办公面积", "反映停车难", null!, null!];

    public DemoSweepRows Generate(DateOnly today, int firstAssignmentId, int firstVisitId)
    {
        var random = new Random(seed);
        var since = today.AddMonths(-13);
        var assignments = Assign(since, firstAssignmentId);
        var byBuilding = assignments.ToLookup(a => a.BuildingId);
        var visits = new List<EnterpriseVisit>();
        foreach (var firm in enterprises.Where(e => e.BuildingId is { } b && byBuilding.Contains(b)).OrderBy(e => e.Id))
        {
            var assignment = byBuilding[firm.BuildingId!.Value].First();
            foreach (var day in Days(firm.IsKeyTaxSource, since, today, random))
            {
                var at = day.ToDateTime(new TimeOnly(9 + random.Next(9), random.Next(60))) - WorkingCalendar.ChinaOffset;
                var request = new VisitRequest(firm.Id, assignment.BuildingId, Met[random.Next(Met.Length)], Notes[random.Next(Notes.Length)]);
                var (visit, _) = EnterpriseVisit.Record(request, assignment.RunnerId, firm, [assignment], DateTime.SpecifyKind(at, DateTimeKind.Utc));
                if (visit is not null)
                {
                    visit.Id = firstVisitId + visits.Count;
                    visits.Add(visit);
                }
            }
        }
        return new DemoSweepRows(assignments, visits);
    }

    /// <summary>Every office building of a community with runners goes to one of them, in turn.</summary>
    private List<RunnerAssignment> Assign(DateOnly since, int firstId)
    {
        var assignments = new List<RunnerAssignment>();
        foreach (var community in offices.Where(b => b.BusinessCommunityId is not null).GroupBy(b => b.BusinessCommunityId!.Value).OrderBy(g => g.Key))
        {
            if (!runnersByCommunity.TryGetValue(community.Key, out var runners) || runners.Count == 0)
            {
                continue;
            }
            var i = 0;
            foreach (var building in community.OrderBy(b => b.Id))
            {
                assignments.Add(new RunnerAssignment { Id = firstId + assignments.Count, RunnerId = runners[i++ % runners.Count], BuildingId = building.Id, Since = since });
            }
        }
        return assignments;
    }

    private static IEnumerable<DateOnly> Days(bool keyTax, DateOnly since, DateOnly today, Random random)
    {
        if (!keyTax)
        {
            var roll = random.Next(100);
            return roll < 17 ? [today.AddDays(-random.Next(1, 360))] : [];
        }
        var stop = random.Next(8) == 0 ? today.AddDays(-random.Next(100, 200)) : today;
        var days = new List<DateOnly>();
        for (var day = since.AddDays(random.Next(5, 60)); day <= stop; day = day.AddDays(random.Next(55, 85)))
        {
            days.Add(day);
        }
        return days;
    }
}
