using CivicGrid.Core.Projects;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>How the rates table groups projects.</summary>
public enum RatesGrouping
{
    Group,
    Street,
    Sector,
    Month,
}

/// <summary>One line of the rates table: the gates' tallies summed over its projects.</summary>
public sealed record RatesRow(string Name, int Projects, FiveRates Tally);

/// <summary>
/// The five rates and five "not yet" counts (五率, 五未) per service group, street, sector or month. Each line adds up the
/// tallies of its projects (<see cref="FiveRates.Of(MajorProject, DateOnly)"/>) and only then divides: sums of counts, never
/// averages of rates. A month's line is the portfolio as of the month's last day (or <paramref name="day"/> in its month).
/// </summary>
public static class ProjectRates
{
    public const string Total = "合计";

    public static IReadOnlyList<RatesRow> By(PortfolioSnapshot s, RatesGrouping grouping, DateOnly day, int months = 12)
    {
        if (grouping == RatesGrouping.Month)
        {
            // Each month by its own last day: a project terminated later still counts in the months before.
            return MonthsTo(day, months).Select(end => new RatesRow(end.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                s.Projects.Count(p => FiveGates.Counts(p.TerminatedOn, end)), FiveRates.Sum(s.Projects.Select(p => s.RatesOf(p, end))))).ToList();
        }
        var counted = s.Projects.Where(p => FiveGates.Counts(p.TerminatedOn, day)).ToList();
        Func<ProjectFacts, string> key = grouping switch
        {
            RatesGrouping.Group => p => s.GroupName(p.ServiceGroupId),
            RatesGrouping.Street => p => s.StreetName(p.StreetCode),
            _ => p => p.Sector,
        };
        var rows = counted.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RatesRow(g.Key, g.Count(), FiveRates.Sum(g.Select(p => s.RatesOf(p, day))))).ToList();
        rows.Add(new RatesRow(Total, counted.Count, FiveRates.Sum(rows.Select(r => r.Tally))));
        return rows;
    }

    /// <summary>The last day of each of the <paramref name="months"/> months up to <paramref name="day"/>'s, that month ending on <paramref name="day"/>.</summary>
    public static IEnumerable<DateOnly> MonthsTo(DateOnly day, int months)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        for (var i = months - 1; i >= 0; i--)
        {
            var start = first.AddMonths(-i);
            yield return i == 0 ? day : start.AddMonths(1).AddDays(-1);
        }
    }

    public static IReadOnlyList<string> Columns(string first) =>
        [first, "项目数", .. FiveGates.Tracked.SelectMany(g => new[] { $"应{Verb(g)}", $"已{Verb(g)}", g.NotYetName(), $"{g.RateName()}(%)" })];

    public static ReportTable Table(string first, IEnumerable<RatesRow> rows) =>
        new(Columns(first), [.. rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Projects, .. r.Tally.All.SelectMany(Cells)])]);

    private static IEnumerable<object?> Cells(GateTally t) => [t.Due, t.Reached, t.NotYet, Percent(t.Rate)];

    /// <summary>开工 of 未开工: the gate's verb.</summary>
    public static string Verb(ProjectStage gate) => gate.NotYetName()[1..];

    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
