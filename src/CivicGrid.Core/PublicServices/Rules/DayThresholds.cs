namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// The latest day on which someone must have been born (or have settled) to have reached a number of years (or
/// months) by a date. Ages and months grow as that day moves earlier, so <c>age &gt;= n</c> is <c>birth &lt;= threshold(n)</c>.
/// <see cref="int.MaxValue"/> means everyone qualifies, <see cref="int.MinValue"/> no one.
/// </summary>
internal static class DayThresholds
{
    public const int Everyone = int.MaxValue;
    public const int NoOne = int.MinValue;

    /// <summary>Agrees with <see cref="People.Age.On"/>: born 29 February, one is a year older on 1 March, because AddYears lands on 28 February.</summary>
    public static int LatestBirthForAge(long years, DateOnly date) =>
        years <= 0 ? Everyone : years > date.Year - 1 ? NoOne : date.AddYears(-(int)years).DayNumber;

    public static int LatestSettledForMonths(long months, DateOnly date) =>
        months <= 0 ? Everyone : months > ((date.Year - 1) * 12L) + date.Month - 1 ? NoOne : date.AddMonths(-(int)months).DayNumber;
}
