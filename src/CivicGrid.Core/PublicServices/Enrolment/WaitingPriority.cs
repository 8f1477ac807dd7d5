namespace CivicGrid.Core.PublicServices.Enrolment;

/// <summary>
/// Priority on a waiting list (轮候积分) for limited places such as childcare places and care beds.
/// <list type="bullet">
/// <item>3 points when the household is dual-income (both parents, or both spouses, in work).</item>
/// <item>2 points when the applicant is vulnerable: disabled, or, when the service is for the elderly, living alone or
/// in an elderly-only household.</item>
/// <item>1 point for every full 30 days on the list, at most 6.</item>
/// </list>
/// So an applicant holds 0 to 11 points. More points go first; among equal points the earlier application goes first;
/// among applicants equal in both, the one nearer the place goes first.
/// </summary>
public static class WaitingPriority
{
    public const int DualIncomePoints = 3;
    public const int VulnerablePoints = 2;
    public const int DaysPerWaitingPoint = 30;
    public const int MaxWaitingPoints = 6;
    public const int MaxPoints = DualIncomePoints + VulnerablePoints + MaxWaitingPoints;

    public static int Points(bool dualIncome, bool vulnerable, DateTimeOffset appliedAt, DateTimeOffset asOf)
    {
        var fullDays = Math.Max(0, (int)Math.Floor((asOf - appliedAt).TotalDays));
        return (dualIncome ? DualIncomePoints : 0)
            + (vulnerable ? VulnerablePoints : 0)
            + Math.Min(MaxWaitingPoints, fullDays / DaysPerWaitingPoint);
    }
}
