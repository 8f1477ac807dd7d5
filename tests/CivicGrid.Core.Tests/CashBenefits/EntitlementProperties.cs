using CivicGrid.Core.CashBenefits;
using FsCheck.Xunit;
using static CivicGrid.Core.Tests.CashBenefits.CashWorld;

namespace CivicGrid.Core.Tests.CashBenefits;

/// <summary>
/// Three years of monthly lists for one person who turns 80 (or 90, or 100) somewhere in them, may die or move out,
/// is found late, whose death is known late, whose lists are sometimes not built and whose payments sometimes fail.
/// The last six months are built and paid without failure, within the arrears window.
/// </summary>
public class EntitlementProperties
{
    private const int Months = 36;
    private const int CleanTail = 6;
    private static readonly CompiledSchedule MonthlySchedule = Compile(Schedule());
    private static readonly CompiledSchedule QuarterlySchedule = Compile(Schedule(BenefitPeriod.Quarterly));

    [Property(MaxTest = 300)]
    public void WhatIsPaidIsWhatWasOwedEachPeriodOnceAndPaymentsAfterDeathAreFlagged(
        ushort birth, ushort death, ushort moveOut, byte deathKnown, byte foundAt, ulong failures, uint skips, bool quarterly)
    {
        var compiled = quarterly ? QuarterlySchedule : MonthlySchedule;
        var born = new DateOnly(1925, 1, 1).AddDays(birth % (24 * 366));
        DateOnly? died = death % 3 == 0 ? Start.FirstDay.AddDays(death % (Months * 31)) : null;
        DateOnly? moved = moveOut % 4 == 0 ? Start.FirstDay.AddDays(moveOut % (Months * 31)) : null;
        var known = quarterly ? 0 : deathKnown % Months; // a quarter straddling a death known late is not flagged (IsOverpaid)
        var found = foundAt % (Months - CleanTail);

        var lines = Simulate(compiled, born, died, moved, known, found, failures, skips);
        var paid = lines.Where(l => l.Status == PaymentLineStatus.Paid).ToList();

        Assert.Equal(paid.Count, paid.Select(l => l.Period).Distinct().Count());
        Assert.All(paid, l => Assert.Equal(EntitlementCalculator.IsOverpaid(new BenefitMonth(l.FromMonth), died), l.Overpaid));
        var rightful = paid.Where(l => !l.Overpaid).Sum(l => l.AmountFen);
        Assert.Equal(Entitled(compiled.Schedule, born, died, moved), rightful);
    }

    private static List<PaymentLine> Simulate(CompiledSchedule compiled, DateOnly born, DateOnly? died, DateOnly? moved, int known, int found, ulong failures, uint skips)
    {
        var lines = new List<PaymentLine>();
        var rates = compiled.RatesOf(Person(born));
        for (var i = found; i < Months; i++)
        {
            var clean = i >= Months - CleanTail;
            if (!clean && (skips & (1u << (i % 32))) != 0)
            {
                continue;
            }
            var ends = new PersonEnds(i >= known ? died : null, moved);
            var settled = lines.Where(l => l.Status != PaymentLineStatus.Failed).Select(l => l.Period).ToHashSet();
            var owed = EntitlementCalculator.Owed(compiled.Schedule, Start.Plus(i), rates, ends, settled);
            foreach (var (p, k) in owed.Owed.Select((p, k) => (p, k)))
            {
                var line = new PaymentLine { Id = lines.Count + 1, PaymentListId = i, GridCode = "", Period = p.Period, FromMonth = p.From.Index, ToMonth = p.To.Index, AmountFen = p.Amount.Value };
                var fail = !clean && (failures & (1UL << ((i + k) % 64))) != 0;
                var row = new BankReturnRow(line.Id, p.Amount, !fail, fail ? "账户已销户" : null, Start.Plus(i).LastDay);
                var (outcome, refusal) = BankReconciliation.Check(row, line, i, died, false);
                Assert.Null(refusal);
                BankReconciliation.Apply(line, outcome!, Start.Plus(i).LastDay);
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>The oracle: every month from the start whose eve finds the person 80 or more, alive and not moved out at its start.</summary>
    private static long Entitled(BenefitSchedule schedule, DateOnly born, DateOnly? died, DateOnly? moved)
    {
        var total = 0L;
        var last = Start.Plus(Months - 1);
        if (schedule.Period == BenefitPeriod.Quarterly)
        {
            last = last.EndsQuarter ? last : last.QuarterStart.Previous;
        }
        for (var m = Start; m <= last; m = m.Next)
        {
            var alive = died is null || died >= m.FirstDay;
            var present = moved is null || moved >= m.FirstDay;
            total += alive && present && ExpectedRate(born, m) is { } rate ? rate.Value : 0;
        }
        return total;
    }
}
