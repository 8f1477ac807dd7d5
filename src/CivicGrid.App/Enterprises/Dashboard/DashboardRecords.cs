using CivicGrid.Core.Enterprises;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>
/// One business community's figures on the officials' dashboard (商务社区工作看板), or the jurisdiction's total (no id).
/// </summary>
public sealed record BusinessCommunityFigures(
    int? Id, string Name, string? StreetCode, EnterpriseFigures Enterprises, NeedFigures Needs, CreditFigures Credit,
    IReadOnlyList<NamedCount> OpenNeedsByCategory, IReadOnlyList<NamedCount> WishesByTheme)
{
    public SweepFigures Sweeps { get; init; } = SweepFigures.None;
}

/// <summary>
/// Building sweeps against the policy (扫楼跑企覆盖): enterprises a visit still counts for (done), those whose visit is
/// past due (so due = done + overdue), the same coverage for key tax-paying enterprises, and visits in the last 90 days.
/// </summary>
public sealed record SweepFigures(int Covered, int Overdue, int KeyTaxCovered, int RecentVisits)
{
    public static readonly SweepFigures None = new(0, 0, 0, 0);
    public int Due => Covered + Overdue;
    public static SweepFigures operator +(SweepFigures a, SweepFigures b) =>
        new(a.Covered + b.Covered, a.Overdue + b.Overdue, a.KeyTaxCovered + b.KeyTaxCovered, a.RecentVisits + b.RecentVisits);
}

/// <summary>The enterprises with their office in the community, and the key tax-paying ones (重点税源企业) among them.</summary>
public sealed record EnterpriseFigures(int Count, int KeyTaxSources)
{
    public double? KeyTaxShare => Count == 0 ? null : (double)KeyTaxSources / Count;
}

/// <summary>
/// Needs raised (all ever), matched to an offer at some point, resolved (outcome recorded, rated or not), still open and
/// withdrawn; days from raised to resolved over the resolved ones.
/// </summary>
public sealed record NeedFigures(int Raised, int Matched, int Resolved, int Open, int Withdrawn, double? MeanDaysToResolve, double? MedianDaysToResolve);

/// <summary>The partner banks' lines kept by the community, the loans granted on them and what open matches hold.</summary>
public sealed record CreditFigures(Money Lines, Money Granted, Money Held, int Loans)
{
    public Money Left => Lines - Granted - Held;
}

/// <summary>A count under a code and its Chinese name (a need category, a wish theme).</summary>
public sealed record NamedCount(string Code, string Name, int Count);

/// <summary>The business communities of the jurisdiction, by street and name, and their total.</summary>
public sealed record BusinessCommunityDashboard(IReadOnlyList<BusinessCommunityFigures> Communities, BusinessCommunityFigures Total)
{
    public KeyTaxReach KeyTaxReach { get; init; } = new(0, 0);
}

/// <summary>
/// Of the jurisdiction's key tax-paying enterprises (重点税源企业), those with their office in a business community's
/// building: the reports' "covering 78 % of key tax-paying enterprises" is <see cref="Share"/>.
/// </summary>
public sealed record KeyTaxReach(int InCommunities, int All)
{
    public double? Share => All == 0 ? null : (double)InCommunities / All;
}
