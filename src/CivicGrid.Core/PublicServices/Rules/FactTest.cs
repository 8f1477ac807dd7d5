namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// A rule folded for one evaluation date: ages, months and life stages have become ranges of day numbers, names have
/// become enum numbers and tag ids. The compiler and the SQL translator both read this form, so they agree.
/// </summary>
internal abstract record FactTest;

internal sealed record ConstantTest(bool Value) : FactTest;

internal sealed record AllTests(IReadOnlyList<FactTest> Items) : FactTest;

internal sealed record AnyTests(IReadOnlyList<FactTest> Items) : FactTest;

internal sealed record NotTest(FactTest Operand) : FactTest;

/// <summary><c>After &lt; day &lt;= OnOrBefore</c>; <see cref="int.MinValue"/> and <see cref="int.MaxValue"/> mean no bound.</summary>
internal sealed record DayTest(DayFact Fact, int After, int OnOrBefore) : FactTest
{
    public bool HasLowerBound => After != int.MinValue;
    public bool HasUpperBound => OnOrBefore != int.MaxValue;
}

/// <summary>The enum field holds one of <paramref name="Values"/>.</summary>
internal sealed record ChoiceTest(FieldKey Field, IReadOnlyList<int> Values) : FactTest;

/// <summary>The grid code starts with one of <paramref name="Codes"/>, all <paramref name="Length"/> long (15: the grid itself).</summary>
internal sealed record CodeTest(int Length, IReadOnlyList<string> Codes) : FactTest;

internal sealed record SizeTest(RuleOperator Operator, int Value) : FactTest;

internal sealed record TagTest(bool Household, int TagId) : FactTest
{
    public ulong Bit => 1UL << (TagId - 1);
}

internal enum DayFact
{
    Birth,
    Settled,
    YoungestBirth,
    OldestBirth,
}

/// <summary>Builders that fold constants away as the tree is made.</summary>
internal static class FactTests
{
    public static readonly FactTest True = new ConstantTest(true);
    public static readonly FactTest False = new ConstantTest(false);

    public static FactTest All(IEnumerable<FactTest> items) => Combine(items, false, list => new AllTests(list));

    public static FactTest Any(IEnumerable<FactTest> items) => Combine(items, true, list => new AnyTests(list));

    public static FactTest Not(FactTest operand) => operand switch
    {
        ConstantTest c => c.Value ? False : True,
        NotTest n => n.Operand,
        _ => new NotTest(operand),
    };

    public static FactTest Not(FactTest operand, bool negate) => negate ? Not(operand) : operand;

    public static FactTest Day(DayFact fact, int after, int onOrBefore)
    {
        if (after == int.MinValue && onOrBefore == int.MaxValue)
        {
            return True;
        }
        return after >= onOrBefore ? False : new DayTest(fact, after, onOrBefore);
    }

    /// <summary>All (or Any, when <paramref name="decisive"/> is true) over the items; a decisive constant settles it.</summary>
    private static FactTest Combine(IEnumerable<FactTest> items, bool decisive, Func<IReadOnlyList<FactTest>, FactTest> make)
    {
        var kept = new List<FactTest>();
        foreach (var item in items)
        {
            if (item is ConstantTest c)
            {
                if (c.Value == decisive)
                {
                    return item;
                }
                continue;
            }
            kept.Add(item);
        }
        return kept.Count switch
        {
            0 => decisive ? False : True,
            1 => kept[0],
            _ => make(kept),
        };
    }
}
