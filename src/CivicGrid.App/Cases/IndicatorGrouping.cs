using System.Linq.Expressions;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>The summed counts of one group of roll-up rows.</summary>
public sealed record KeyedCounts(string Key, IndicatorCounts Counts);

/// <summary>
/// The keys the roll-up is grouped by in SQL, and the sums taken per group. Prefix lengths go in as constants, not
/// parameters, so PostgreSQL sees the same expression in SELECT and GROUP BY.
/// </summary>
internal static class IndicatorGrouping
{
    private static readonly System.Reflection.MethodInfo Substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly System.Reflection.MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    public static readonly Expression<Func<CaseMonthlyStat, string>> Month = s => s.Month;
    public static readonly Expression<Func<CaseMonthlyStat, string>> Item = s => s.ItemCode;
    public static readonly Expression<Func<CaseMonthlyStat, string>> Department = s => s.DepartmentCode;

    public static readonly Expression<Func<IGrouping<string, CaseMonthlyStat>, KeyedCounts>> Summed = g => new KeyedCounts(g.Key, new IndicatorCounts(
        g.Sum(s => s.Received), g.Sum(s => s.RespondedOnTime), g.Sum(s => s.Accepted), g.Sum(s => s.Due), g.Sum(s => s.Resolved),
        g.Sum(s => s.Closed), g.Sum(s => s.ClosedOnTime), g.Sum(s => s.Reworked), g.Sum(s => s.Extended), g.Sum(s => s.Rated),
        g.Sum(s => s.Satisfied), g.Sum(s => s.BasicallySatisfied)));

    /// <summary>The code of the node of <paramref name="length"/> digits a row's grid lies in.</summary>
    public static Expression<Func<CaseMonthlyStat, string>> Prefix(int length)
    {
        var row = Expression.Parameter(typeof(CaseMonthlyStat), "s");
        return Expression.Lambda<Func<CaseMonthlyStat, string>>(PrefixOf(row, length), row);
    }

    /// <summary>"yyyy-MM" followed by the node's code, so one string key groups by both.</summary>
    public static Expression<Func<CaseMonthlyStat, string>> MonthAndPrefix(int length)
    {
        var row = Expression.Parameter(typeof(CaseMonthlyStat), "s");
        var month = Expression.Property(row, nameof(CaseMonthlyStat.Month));
        return Expression.Lambda<Func<CaseMonthlyStat, string>>(Expression.Call(Concat, month, PrefixOf(row, length)), row);
    }

    private static MethodCallExpression PrefixOf(ParameterExpression row, int length) =>
        Expression.Call(Expression.Property(row, nameof(CaseMonthlyStat.GridCode)), Substring, Expression.Constant(0), Expression.Constant(length));
}
