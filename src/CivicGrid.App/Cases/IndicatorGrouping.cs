using System.Linq.Expressions;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>The summed counts of one group of roll-up rows.</summary>
public sealed record KeyedCounts(string Key, IndicatorCounts Counts);

/// <summary>
/// One group's sums as SQL returns them, flat.
/// </summary>
internal sealed class GroupSums
{
    public required string Key { get; init; }
    public long Received { get; init; }
    public long RespondedOnTime { get; init; }
    public long Accepted { get; init; }
    public long Due { get; init; }
    public long Resolved { get; init; }
    public long Closed { get; init; }
    public long ClosedOnTime { get; init; }
    public long Reworked { get; init; }
    public long Extended { get; init; }
    public long Rated { get; init; }
    public long Satisfied { get; init; }
    public long BasicallySatisfied { get; init; }

    public KeyedCounts ToKeyed() => new(Key, new IndicatorCounts(
        Received, RespondedOnTime, Accepted, Due, Resolved, Closed, ClosedOnTime, Reworked, Extended, Rated, Satisfied, BasicallySatisfied));
}

/// <summary>
/// The keys the roll-up is grouped by in SQL, and the sums taken per group. Prefix lengths and tags go in as
/// constants, not parameters, so PostgreSQL sees the same expression in SELECT and GROUP BY.
/// </summary>
internal static class IndicatorGrouping
{
    private static readonly System.Reflection.MethodInfo Substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly System.Reflection.MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    /// <summary>The sums of one group's rows, for either roll-up.</summary>
    public static Expression<Func<IGrouping<string, T>, GroupSums>> Summed<T>() where T : CaseMonthlyCounts => g => new GroupSums
    {
        Key = g.Key, Received = g.Sum(s => s.Received), RespondedOnTime = g.Sum(s => s.RespondedOnTime), Accepted = g.Sum(s => s.Accepted),
        Due = g.Sum(s => s.Due), Resolved = g.Sum(s => s.Resolved), Closed = g.Sum(s => s.Closed), ClosedOnTime = g.Sum(s => s.ClosedOnTime),
        Reworked = g.Sum(s => s.Reworked), Extended = g.Sum(s => s.Extended), Rated = g.Sum(s => s.Rated), Satisfied = g.Sum(s => s.Satisfied),
        BasicallySatisfied = g.Sum(s => s.BasicallySatisfied),
    };

    /// <summary>"yyyy-MM" followed by the code of the node of <paramref name="length"/> digits a row's <paramref name="place"/> lies in.</summary>
    public static Expression<Func<T, string>> MonthAndPrefix<T>(int length, string place) where T : CaseMonthlyCounts
    {
        var row = Expression.Parameter(typeof(T), "s");
        var month = Expression.Property(row, nameof(CaseMonthlyCounts.Month));
        var prefix = Expression.Call(Expression.Property(row, place), Substring, Expression.Constant(0), Expression.Constant(length));
        return Expression.Lambda<Func<T, string>>(Expression.Call(Concat, month, prefix), row);
    }

    /// <summary>
    /// "yyyy-MM", the code of the node of <paramref name="length"/> digits, then the item and the department after a
    /// separator each: every grouping of a report can be summed from these groups, so the rows are read once.
    /// </summary>
    public static Expression<Func<T, string>> MonthPrefixItemAndDepartment<T>(int length, string place) where T : CaseMonthlyCounts
    {
        var key = MonthAndPrefix<T>(length, place);
        var row = key.Parameters[0];
        Expression Then(Expression left, string property) => Expression.Call(
            Concat, Expression.Call(Concat, left, Expression.Constant(Separator.ToString())), Expression.Property(row, property));
        return Expression.Lambda<Func<T, string>>(Then(Then(key.Body, nameof(CaseMonthlyCounts.ItemCode)), nameof(CaseMonthlyCounts.DepartmentCode)), row);
    }

    /// <summary>Between the parts of <see cref="MonthPrefixItemAndDepartment"/>: the unit separator, which no code holds.</summary>
    public const char Separator = '\u001f';
}
