using CivicGrid.Core.Enterprises;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>Investment done against plan by month of a year (万元): the plan is each project's year plan spread evenly over the months.</summary>
public static class Investment
{
    public sealed record Month(string Name, decimal Planned, decimal Done, decimal CumulativePlanned, decimal CumulativeDone);

    public static IReadOnlyList<Month> Months(PortfolioSnapshot s, DateOnly upTo)
    {
        var planned = s.Projects.Sum(p => s.YearPlans[p.Id].Where(y => y.Year == upTo.Year).Sum(y => y.Planned.InTenThousandYuan)) / 12m;
        var done = s.Progress.Where(p => p.Month.Year == upTo.Year && p.Month <= upTo).GroupBy(p => p.Month.Month)
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, p) => sum + p.InvestmentDone).InTenThousandYuan);
        var months = new List<Month>();
        for (var m = 1; m <= upTo.Month; m++)
        {
            var d = done.GetValueOrDefault(m);
            months.Add(new($"{m}月", Math.Round(planned, 2), d, Math.Round(planned * m, 2), (months.Count == 0 ? 0 : months[^1].CumulativeDone) + d));
        }
        return months;
    }

    public static (ReportTable Table, BarChart Chart) ByMonth(PortfolioSnapshot s, DateOnly upTo)
    {
        var months = Months(s, upTo);
        return (new ReportTable(["月份", "计划", "完成", "累计计划", "累计完成", "累计完成率(%)"],
                [.. months.Select(m => (IReadOnlyList<object?>)[m.Name, m.Planned, m.Done, m.CumulativePlanned, m.CumulativeDone,
                    m.CumulativePlanned == 0 ? null : Math.Round(m.CumulativeDone / m.CumulativePlanned * 100, 1)])]),
            new BarChart([.. months.Select(m => m.Name)],
                [new BarSeries("计划", [.. months.Select(m => (double)m.Planned)]), new BarSeries("完成", [.. months.Select(m => (double)m.Done)])], "万元"));
    }
}
