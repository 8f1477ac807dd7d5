namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// What one person is owed on the list of one month (应发计算). A month is owed when the person is alive and (unless the
/// schedule ignores it) has not moved out at its start, and a tier holds on the schedule's evaluation date. The list's
/// own month and up to <see cref="BenefitSchedule.ArrearsMonths"/> before it are looked at, never before the schedule
/// takes effect; a period already on a list and not failed is not owed again, so a failed payment comes back as
/// arrears on the next list and nothing is paid twice.
/// </summary>
public static class EntitlementCalculator
{
    public static Entitlement Owed(BenefitSchedule schedule, BenefitMonth listMonth, MonthlyRate rate, PersonEnds ends, IReadOnlySet<int> settled)
    {
        var first = FirstMonthLookedAt(schedule, listMonth);
        var owed = schedule.Period switch
        {
            BenefitPeriod.Monthly => Monthly(first, listMonth, schedule, rate, ends, settled),
            BenefitPeriod.Quarterly => Quarterly(first, listMonth, schedule, rate, ends, settled),
            _ => OneOff(first, listMonth, schedule, rate, ends, settled),
        };
        var stopped = listMonth < schedule.EffectiveFrom ? null : StopOf(listMonth, schedule, rate, ends);
        return new Entitlement(owed, stopped);
    }

    /// <summary>The earliest month the list of <paramref name="listMonth"/> may still pay: the arrears window, never before the schedule.</summary>
    public static BenefitMonth FirstMonthLookedAt(BenefitSchedule schedule, BenefitMonth listMonth) =>
        schedule.EffectiveFrom > listMonth.Plus(-schedule.ArrearsMonths) ? schedule.EffectiveFrom : listMonth.Plus(-schedule.ArrearsMonths);

    /// <summary>Why <paramref name="month"/> is not owed, or null when it is.</summary>
    public static StopReason? StopOf(BenefitMonth month, BenefitSchedule schedule, MonthlyRate rate, PersonEnds ends) =>
        EndedBefore(month, schedule, ends) ?? (rate(month) is null ? StopReason.NoLongerEligible : null);

    private static StopReason? EndedBefore(BenefitMonth month, BenefitSchedule schedule, PersonEnds ends)
    {
        var start = month.FirstDay;
        if (ends.DiedOn is { } died && died < start)
        {
            return StopReason.Death;
        }
        return schedule.StopsOnMoveOut && ends.MovedOutOn is { } moved && moved < start ? StopReason.MovedOut : null;
    }

    /// <summary>The month's amount when it is owed, the rule evaluated once; null when the month is stopped.</summary>
    private static Fen? OwedRate(BenefitMonth month, BenefitSchedule schedule, MonthlyRate rate, PersonEnds ends) =>
        EndedBefore(month, schedule, ends) is null ? rate(month) : null;

    /// <summary>
    /// A period paid that began after the person died (多发): to be recovered. A quarter that straddles the death is not
    /// flagged: its amount was built for the months owed when the death was known, and a death recorded after the quarter
    /// was paid is left to the official.
    /// </summary>
    public static bool IsOverpaid(BenefitMonth firstMonthOfPeriod, DateOnly? diedOn) =>
        diedOn is { } died && firstMonthOfPeriod.FirstDay > died;

    private static List<OwedPeriod> Monthly(BenefitMonth first, BenefitMonth list, BenefitSchedule s, MonthlyRate rate, PersonEnds ends, IReadOnlySet<int> settled)
    {
        var owed = new List<OwedPeriod>();
        for (var m = first; m <= list; m = m.Next)
        {
            if (!settled.Contains(m.Index) && OwedRate(m, s, rate, ends) is { } amount)
            {
                owed.Add(new OwedPeriod(m.Index, m, m, amount, m < list));
            }
        }
        return owed;
    }

    /// <summary>A quarter is paid on the list of its last month, for its owed months; a quarter ending before it, as arrears.</summary>
    private static List<OwedPeriod> Quarterly(BenefitMonth first, BenefitMonth list, BenefitSchedule s, MonthlyRate rate, PersonEnds ends, IReadOnlySet<int> settled)
    {
        var owed = new List<OwedPeriod>();
        for (var q = first.QuarterStart; q.Plus(2) <= list; q = q.Plus(3))
        {
            if (settled.Contains(q.Index))
            {
                continue;
            }
            var sum = Fen.Zero;
            for (var m = q; m <= q.Plus(2); m = m.Next)
            {
                sum += m >= first && OwedRate(m, s, rate, ends) is { } amount ? amount : Fen.Zero;
            }
            if (sum.Value > 0)
            {
                owed.Add(new OwedPeriod(q.Index, q, q.Plus(2), sum, q.Plus(2) < list));
            }
        }
        return owed;
    }

    private static List<OwedPeriod> OneOff(BenefitMonth first, BenefitMonth list, BenefitSchedule s, MonthlyRate rate, PersonEnds ends, IReadOnlySet<int> settled)
    {
        if (settled.Contains(BenefitNames.OneOffPeriod))
        {
            return [];
        }
        for (var m = first; m <= list; m = m.Next)
        {
            if (OwedRate(m, s, rate, ends) is { } amount)
            {
                return [new OwedPeriod(BenefitNames.OneOffPeriod, m, m, amount, m < list)];
            }
        }
        return [];
    }
}
