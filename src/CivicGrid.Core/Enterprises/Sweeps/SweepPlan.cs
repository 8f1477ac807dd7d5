namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>An enterprise as the sweep plan sees it.</summary>
public sealed record SweepEnterprise(int EnterpriseId, int BuildingId, int? BusinessCommunityId, bool IsKeyTax);

/// <summary>Where an enterprise stands against the policy on a day.</summary>
public enum SweepStatus
{
    Overdue,
    DueThisWeek,
    /// <summary>Visited within its interval, or not yet due.</summary>
    NotDue,
}

/// <summary>One enterprise in the plan: when it was last visited, when it is due, and so where it stands.</summary>
public sealed record SweepItem(int EnterpriseId, int BuildingId, int? BusinessCommunityId, bool IsKeyTax, DateOnly? LastVisit, DateOnly DueOn, SweepStatus Status, bool Covered);

/// <summary>
/// Visit coverage of a building or a business community (走访覆盖率): of its enterprises, how many a visit still
/// counts for, how many are overdue or due this week, and the same coverage for the key tax-paying ones.
/// </summary>
public sealed record SweepCoverage(int PlaceId, int Enterprises, int Covered, int Overdue, int DueThisWeek, int KeyTax, int KeyTaxCovered)
{
    public double Share => Enterprises == 0 ? 0 : (double)Covered / Enterprises;
    public double KeyTaxShare => KeyTax == 0 ? 0 : (double)KeyTaxCovered / KeyTax;
}

/// <summary>A runner's (or a whole district's) sweep on a day: every enterprise's standing, and coverage rolled up.</summary>
public sealed record SweepPlan(IReadOnlyList<SweepItem> Items, IReadOnlyList<SweepCoverage> Buildings, IReadOnlyList<SweepCoverage> BusinessCommunities)
{
    public IEnumerable<SweepItem> Overdue => Items.Where(i => i.Status == SweepStatus.Overdue);
    public IEnumerable<SweepItem> DueThisWeek => Items.Where(i => i.Status == SweepStatus.DueThisWeek);
}

public static class SweepEnterprises
{
    /// <summary>The enterprise as the plan sees it, read with its building; null when it has no office building to sweep.</summary>
    public static SweepEnterprise? From(Enterprise enterprise) => enterprise.BuildingId is { } building
        ? new SweepEnterprise(enterprise.Id, building, enterprise.Building?.BusinessCommunityId, enterprise.IsKeyTaxSource)
        : null;
}
