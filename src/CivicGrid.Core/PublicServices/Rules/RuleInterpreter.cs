using CivicGrid.Core.People;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// Evaluates a checked rule by walking it, computing every age and month count from dates as written: slow and
/// plain on purpose, so the compiled form and the SQL translation can be tested against it.
/// </summary>
public static class RuleInterpreter
{
    public static bool Evaluate(CheckedRule rule, RuleContext context, in ResidentFacts facts) => Evaluate(rule.Root, context, facts);

    private static bool Evaluate(RuleNode node, RuleContext context, ResidentFacts f) => node switch
    {
        AllOf all => all.Items.All(i => Evaluate(i, context, f)),
        AnyOf any => any.Items.Any(i => Evaluate(i, context, f)),
        NotRule not => !Evaluate(not.Operand, context, f),
        NumberCondition n => Holds(n.Operator, Number(n.Operand, context.Today, f), n.Values),
        ChoiceCondition c => Holds(c.Operator, Choice(c.Field, context.Today, f), c.Values),
        TerritoryCondition t => t.Codes.Contains(Code(t.Field, f.GridCode)) != t.Operator.IsNegative(),
        FlagCondition flag => (f.HouseholdSize == 1) == flag.Expected,
        TagCondition t => HasTag(t.Household ? f.HouseholdTags : f.Tags, RuleFolding.TagId(t.Tag, context)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown rule node."),
    };

    private static int Number(NumberOperand operand, DateOnly today, ResidentFacts f) => operand.Field switch
    {
        FieldKey.Age => Age.On(Day(f.BirthDay), today),
        FieldKey.AgeOn => Age.On(Day(f.BirthDay), operand.On!.Value),
        FieldKey.MonthsResident => ResidenceMonths.Between(Day(f.SettledDay), today),
        FieldKey.HouseholdSize => f.HouseholdSize,
        FieldKey.HouseholdYoungestAge => Age.On(Day(f.YoungestBirthDay), today),
        FieldKey.HouseholdOldestAge => Age.On(Day(f.OldestBirthDay), today),
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand.Field, "Not a number field."),
    };

    private static int Choice(FieldKey field, DateOnly today, ResidentFacts f) => field switch
    {
        FieldKey.Gender => (int)f.Gender,
        FieldKey.Residence => (int)f.Residence,
        FieldKey.Relation => (int)f.Relation,
        FieldKey.LifeStage => (int)LifeStages.At(Day(f.BirthDay), today),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a choice field."),
    };

    private static string Code(FieldKey field, string gridCode)
    {
        var length = RuleFields.Get(field).CodeLength;
        return gridCode.Length >= length ? gridCode[..length] : gridCode;
    }

    private static bool Holds(RuleOperator op, int value, IReadOnlyList<int> values) => op switch
    {
        RuleOperator.Equal or RuleOperator.In => values.Contains(value),
        RuleOperator.NotEqual or RuleOperator.NotIn => !values.Contains(value),
        RuleOperator.Less => value < values[0],
        RuleOperator.LessOrEqual => value <= values[0],
        RuleOperator.Greater => value > values[0],
        _ => value >= values[0],
    };

    private static bool HasTag(ulong tags, int id) => ((tags >> (id - 1)) & 1) == 1;

    private static DateOnly Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber);
}
