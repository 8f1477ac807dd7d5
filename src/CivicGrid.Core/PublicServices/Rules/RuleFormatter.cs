using System.Globalization;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// Prints a checked rule as canonical text: English keywords in lower case, single spaces, parentheses where the tree
/// needs them and around every "and" inside an "or" so nobody has to remember which binds tighter. Parsing the text
/// gives back the same tree.
/// </summary>
public static class RuleFormatter
{
    public static string Format(CheckedRule rule) => Format(rule.Root);

    public static string Format(RuleNode node) => node switch
    {
        AnyOf any => string.Join(" or ", any.Items.Select(i => Nested(i, i is AnyOf or AllOf))),
        AllOf all => string.Join(" and ", all.Items.Select(i => Nested(i, i is AnyOf or AllOf))),
        NotRule not => "not " + Nested(not.Operand, not.Operand is AnyOf or AllOf),
        NumberCondition n => Condition(Operand(n.Operand), n.Operator, n.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))),
        ChoiceCondition c => Condition(Name(c.Field), c.Operator, c.Values.Select(v => Quote(ChoiceName(c.Field, v)))),
        TerritoryCondition t => Condition(Name(t.Field), t.Operator, t.Codes.Select(Quote)),
        FlagCondition { Expected: true } f => Name(f.Field),
        FlagCondition f => $"{Name(f.Field)} = false",
        TagCondition t => $"{(t.Household ? Name(FieldKey.HouseholdHasTag) : Name(FieldKey.HasTag))}({Quote(t.Tag)})",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown rule node."),
    };

    public static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Nested(RuleNode node, bool parenthesise) => parenthesise ? $"({Format(node)})" : Format(node);

    private static string Condition(string operand, RuleOperator op, IEnumerable<string> values) =>
        op.IsList() ? $"{operand} {op.Symbol()} ({string.Join(", ", values)})" : $"{operand} {op.Symbol()} {values.Single()}";

    private static string Operand(NumberOperand operand) =>
        operand.On is { } on ? $"{Name(operand.Field)}({Quote(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))})" : Name(operand.Field);

    private static string Name(FieldKey key) => RuleFields.Get(key).Name;

    private static string ChoiceName(FieldKey key, int number) => RuleFields.Get(key).Choices.First(c => c.Number == number).Name;
}
