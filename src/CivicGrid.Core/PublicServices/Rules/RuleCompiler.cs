using System.Linq.Expressions;
using System.Reflection;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// Compiles a checked rule, folded for one date, into a delegate over <see cref="ResidentFacts"/> passed by reference.
/// The body compares integer fields with constants; only territory codes touch strings, by ordinal prefix.
/// </summary>
public static class RuleCompiler
{
    private static readonly MethodInfo StartsWith =
        typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringEquals =
        typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;

    public static CompiledRule Compile(CheckedRule rule, RuleContext context)
    {
        var facts = Expression.Parameter(typeof(ResidentFacts).MakeByRefType(), "f");
        var body = Emit(RuleFolding.Fold(rule.Root, context), facts);
        var predicate = Expression.Lambda<ResidentPredicate>(body, facts).Compile();
        return new CompiledRule(rule, context.Today, predicate);
    }

    private static Expression Emit(FactTest test, ParameterExpression f) => test switch
    {
        ConstantTest c => Expression.Constant(c.Value),
        AllTests all => all.Items.Select(i => Emit(i, f)).Aggregate(Expression.AndAlso),
        AnyTests any => any.Items.Select(i => Emit(i, f)).Aggregate(Expression.OrElse),
        NotTest not => Expression.Not(Emit(not.Operand, f)),
        DayTest d => Day(d, Read(f, DayField(d.Fact))),
        ChoiceTest c => Choice(c, Expression.Convert(Read(f, ChoiceField(c.Field)), typeof(int))),
        CodeTest c => c.Codes.Select(code => Code(c.Length, code, Read(f, nameof(ResidentFacts.GridCode)))).Aggregate(Expression.OrElse),
        SizeTest s => Compare(s.Operator, Read(f, nameof(ResidentFacts.HouseholdSize)), Expression.Constant(s.Value)),
        TagTest t => Expression.NotEqual(
            Expression.And(Read(f, t.Household ? nameof(ResidentFacts.HouseholdTags) : nameof(ResidentFacts.Tags)), Expression.Constant(t.Bit)),
            Expression.Constant(0UL)),
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "Unknown folded test."),
    };

    private static MemberExpression Read(ParameterExpression f, string field) => Expression.Property(f, field);

    /// <summary>A bounded range is one unsigned comparison: <c>(uint)(day - low) &lt;= (uint)(high - low)</c>.</summary>
    private static Expression Day(DayTest d, Expression day)
    {
        if (!d.HasLowerBound)
        {
            return Expression.LessThanOrEqual(day, Expression.Constant(d.OnOrBefore));
        }
        if (!d.HasUpperBound)
        {
            return Expression.GreaterThan(day, Expression.Constant(d.After));
        }
        var low = d.After + 1;
        var offset = Expression.Convert(Expression.Subtract(day, Expression.Constant(low)), typeof(uint));
        return Expression.LessThanOrEqual(offset, Expression.Constant((uint)(d.OnOrBefore - low)));
    }

    /// <summary>Several values test one bit of a mask; enum numbers stay below 32.</summary>
    private static Expression Choice(ChoiceTest c, Expression value)
    {
        if (c.Values.Count == 1)
        {
            return Expression.Equal(value, Expression.Constant(c.Values[0]));
        }
        var mask = c.Values.Aggregate(0u, (m, v) => m | (1u << v));
        var inRange = Expression.LessThan(Expression.Convert(value, typeof(uint)), Expression.Constant(32u));
        var bit = Expression.And(Expression.RightShift(Expression.Constant(mask), value), Expression.Constant(1u));
        return Expression.AndAlso(inRange, Expression.NotEqual(bit, Expression.Constant(0u)));
    }

    private static Expression Code(int length, string code, Expression gridCode)
    {
        if (length == Territory.TerritoryCode.LengthOf(Territory.TerritoryLevel.Grid))
        {
            return Expression.Call(StringEquals, gridCode, Expression.Constant(code));
        }
        var notNull = Expression.NotEqual(gridCode, Expression.Constant(null, typeof(string)));
        var startsWith = Expression.Call(gridCode, StartsWith, Expression.Constant(code), Expression.Constant(StringComparison.Ordinal));
        return Expression.AndAlso(notNull, startsWith);
    }

    private static BinaryExpression Compare(RuleOperator op, Expression left, Expression right) => op switch
    {
        RuleOperator.Equal => Expression.Equal(left, right),
        RuleOperator.NotEqual => Expression.NotEqual(left, right),
        RuleOperator.Less => Expression.LessThan(left, right),
        RuleOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        RuleOperator.Greater => Expression.GreaterThan(left, right),
        RuleOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Lists are folded before they get here."),
    };

    private static string DayField(DayFact fact) => fact switch
    {
        DayFact.Birth => nameof(ResidentFacts.BirthDay),
        DayFact.Settled => nameof(ResidentFacts.SettledDay),
        DayFact.YoungestBirth => nameof(ResidentFacts.YoungestBirthDay),
        _ => nameof(ResidentFacts.OldestBirthDay),
    };

    private static string ChoiceField(FieldKey field) => field switch
    {
        FieldKey.Gender => nameof(ResidentFacts.Gender),
        FieldKey.Residence => nameof(ResidentFacts.Residence),
        _ => nameof(ResidentFacts.Relation),
    };
}
