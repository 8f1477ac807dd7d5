using CivicGrid.Core.Enterprises;

namespace CivicGrid.App.Enterprises.Dashboard;

/// <summary>
/// One business community's figures on the officials' dashboard (商务社区工作看板), or the jurisdiction's total (no id).
/// Visits done against due (扫楼跑企覆盖) are not among them: sweep visits are not stored yet.
/// </summary>
public sealed record BusinessCommunityFigures(
    int? Id, string Name, string? StreetCode, EnterpriseFigures Enterprises, NeedFigures Needs, CreditFigures Credit,
    IReadOnlyList<NamedCount> OpenNeedsByCategory, IReadOnlyList<NamedCount> WishesByTheme);

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
public sealed record BusinessCommunityDashboard(IReadOnlyList<BusinessCommunityFigures> Communities, BusinessCommunityFigures Total);
