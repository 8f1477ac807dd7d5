using CivicGrid.Core.Visits;

namespace CivicGrid.Core.Demo.Visits;

/// <summary>
/// A year of grid workers' household visits for the demo, deterministic per household: a household of attention was
/// visited in most months, the others once in most years, so about four in five are within their cycle today and the
/// rest are overdue or falling due, as a district's records look. Situations are a few plain sentences.
/// </summary>
public static class DemoHouseholdVisits
{
    private static readonly string[] Situations =
    [
        "家中一切正常，身体状况良好", "老人独自在家，精神尚可，提醒注意用电安全", "反映楼道灯不亮，已记录", "家属在家，了解近期就医情况",
        "询问养老服务补贴政策，已解答", "家中整洁，邻里关系和睦", "反映楼下噪音扰民", "子女每周探望，生活无困难",
    ];

    /// <summary>The visits of the households given, numbered from <paramref name="firstId"/>; none later than <paramref name="today"/>.</summary>
    public static List<HouseholdVisit> Generate(IEnumerable<PlannedHousehold> households, VisitPolicy policy, DateOnly today, int firstId, DateTime recordedAt)
    {
        var visits = new List<HouseholdVisit>();
        foreach (var h in households)
        {
            var random = new Random(h.HouseholdId * 7919 + 17);
            if (h.Attention)
            {
                // Monthly: each of the last twelve months visited with a high chance; the latest month decides coverage.
                for (var m = 11; m >= 0; m--)
                {
                    if (random.NextDouble() < (m == 0 ? 0.80 : 0.88))
                    {
                        Add(visits, h, today.AddMonths(-m).AddDays(-random.Next(0, 28)), random, firstId, recordedAt, today);
                    }
                }
            }
            else if (random.NextDouble() < 0.80)
            {
                Add(visits, h, today.AddDays(-random.Next(0, 330)), random, firstId, recordedAt, today);
            }
            else if (random.NextDouble() < 0.6)
            {
                // Visited last year, so now overdue or due soon.
                Add(visits, h, today.AddDays(-random.Next(340, 420)), random, firstId, recordedAt, today);
            }
        }
        return visits;
    }

    private static void Add(List<HouseholdVisit> visits, PlannedHousehold h, DateOnly day, Random random, int firstId, DateTime recordedAt, DateOnly today)
    {
        if (day > today)
        {
            return;
        }
        var home = random.NextDouble() < 0.9;
        visits.Add(new HouseholdVisit
        {
            Id = firstId + visits.Count, HouseholdId = h.HouseholdId, GridCode = h.GridCode, VisitedOn = day, NoOneHome = !home,
            Situation = home ? Situations[random.Next(Situations.Length)] : "无人在家，已留联系卡", RecordedBy = "网格员", RecordedAt = recordedAt,
        });
    }
}
