using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>Puts the grouped rows together per business community and for the whole jurisdiction.</summary>
internal sealed class DashboardFigures(IReadOnlyList<DashboardCommunity> communities, IReadOnlyDictionary<int, CommunityEnterprises> enterprises)
{
    public required IReadOnlyList<StateCount> States { get; init; }
    public required IReadOnlyList<KeyCount> Wishes { get; init; }
    public required IReadOnlyList<CreditLineUse> Lines { get; init; }
    public required IReadOnlyList<LoanGranted> Loans { get; init; }
    public required IReadOnlyDictionary<string, string> CategoryNames { get; init; }
    public required IReadOnlyDictionary<string, string> ThemeNames { get; init; }

    public BusinessCommunityDashboard Dashboard()
    {
        var rows = communities.Select(c => Figures(c.Id, c.Name, c.StreetCode, id => id == c.Id)).ToList();
        // The total also counts the lines open to the whole district, which no community keeps.
        var known = communities.Select(c => c.Id).ToHashSet();
        var total = Figures(null, "合计", null, id => id is null || known.Contains(id.Value));
        return new BusinessCommunityDashboard(rows, total);
    }

    private BusinessCommunityFigures Figures(int? id, string name, string? street, Func<int?, bool> counts)
    {
        var counted = enterprises.Where(e => counts(e.Key)).Select(e => e.Value).ToList();
        return new BusinessCommunityFigures(
            id, name, street,
            new EnterpriseFigures(counted.Sum(e => e.Enterprises.Count), counted.Sum(e => e.Enterprises.KeyTaxSources)),
            Needs(States.Where(s => counts(s.Community)).ToList()),
            Credit(Lines.Where(l => counts(l.Community)).ToList(), Loans.Where(l => counts(l.Community)).ToList()),
            Named(States.Where(s => counts(s.Community) && NeedNames.Open.Contains(s.Status)).Select(s => new KeyCount(s.Community, s.CategoryCode, s.Count)), CategoryNames),
            Named(Wishes.Where(w => counts(w.Community)), ThemeNames))
        {
            Sweeps = counted.Aggregate(SweepFigures.None, (sum, e) => sum + e.Sweeps),
        };
    }

    private static NeedFigures Needs(List<StateCount> states)
    {
        int Count(Func<StateCount, bool> which) => states.Where(which).Sum(s => s.Count);
        var days = states.Where(s => s is { RaisedAt: not null, ResolvedAt: not null })
            .SelectMany(s => Enumerable.Repeat((s.ResolvedAt!.Value - s.RaisedAt!.Value).TotalDays, s.Count)).Order().ToList();
        return new NeedFigures(
            Count(_ => true), Count(s => s.Matched), Count(s => s.Status is NeedStatus.Resolved or NeedStatus.Rated),
            Count(s => NeedNames.Open.Contains(s.Status)), Count(s => s.Status == NeedStatus.Withdrawn),
            days.Count == 0 ? null : Math.Round(days.Average(), 1), days.Count == 0 ? null : Math.Round(Median(days), 1));
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static CreditFigures Credit(List<CreditLineUse> lines, List<LoanGranted> loans)
    {
        var granted = loans.Aggregate(Money.Zero, (sum, l) => sum + (l.Amount ?? Money.Zero));
        var taken = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Taken);
        return new CreditFigures(lines.Aggregate(Money.Zero, (sum, l) => sum + (l.Line ?? Money.Zero)), granted, taken - granted, loans.Count);
    }

    private static List<NamedCount> Named(IEnumerable<KeyCount> counts, IReadOnlyDictionary<string, string> names) =>
        counts.GroupBy(c => c.Code, StringComparer.Ordinal)
            .Select(g => new NamedCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
}
