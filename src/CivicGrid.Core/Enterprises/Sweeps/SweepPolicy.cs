using CivicGrid.Core.Visits;

namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>
/// How often runners must visit each enterprise (走访频次), as data: key tax-paying enterprises once a quarter, the
/// others once a year, counted from the last visit. An enterprise never visited is due one interval after the policy
/// took effect or after its building was assigned, whichever is later, so a new assignment does not start overdue.
/// The calendar is <see cref="VisitCycle"/>, which grid workers' household visits share.
/// </summary>
public sealed record SweepPolicy
{
    public int KeyTaxEveryMonths { get; init; } = 3;
    public int OthersEveryMonths { get; init; } = 12;
    /// <summary>When the policy took effect.</summary>
    public DateOnly Since { get; init; } = new(2026, 1, 1);

    public static readonly SweepPolicy Default = new();

    public int EveryMonths(bool keyTax) => keyTax ? KeyTaxEveryMonths : OthersEveryMonths;

    public DateOnly DueOn(bool keyTax, DateOnly? lastVisit, DateOnly? assignedSince)
    {
        var start = assignedSince > Since ? assignedSince.Value : Since;
        return VisitCycle.DueOn(EveryMonths(keyTax), lastVisit, start);
    }

    /// <summary>Whether a visit on <paramref name="lastVisit"/> still counts on <paramref name="today"/>.</summary>
    public bool Covers(bool keyTax, DateOnly? lastVisit, DateOnly today) => VisitCycle.Covers(EveryMonths(keyTax), lastVisit, today);
}
