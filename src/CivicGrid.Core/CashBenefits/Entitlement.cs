namespace CivicGrid.Core.CashBenefits;

/// <summary>What ends a person's presence: the dates of death and moving out, when known.</summary>
public sealed record PersonEnds(DateOnly? DiedOn, DateOnly? MovedOutOn)
{
    public static readonly PersonEnds None = new(null, null);
}

/// <summary>
/// One period owed to one person (应发): its key, the months it covers, the amount, and whether it is arrears (补发) of a
/// month before the list's own.
/// </summary>
public sealed record OwedPeriod(int Period, BenefitMonth From, BenefitMonth To, Fen Amount, bool Arrears);

/// <summary>What is owed on a month's list, and, when the list's own month is not owed, why (停发原因).</summary>
public sealed record Entitlement(IReadOnlyList<OwedPeriod> Owed, StopReason? Stopped)
{
    public Fen Total => Owed.Aggregate(Fen.Zero, (sum, p) => sum + p.Amount);
}

/// <summary>The amount by the tiers for a month, judged on the schedule's evaluation date; null when no tier holds.</summary>
public delegate Fen? MonthlyRate(BenefitMonth month);
