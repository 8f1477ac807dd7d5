using System.Globalization;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Bench;

/// <summary>
/// Writes a checked rule in an anchor's own language — a RulesEngine lambda over <see cref="ResidentFacts"/> or a
/// DuckDB condition over the flattened facts table — with ages and months turned into day thresholds as our
/// compiler does, so the anchors do the same work per resident and count the same residents.
/// </summary>
internal sealed class AnchorRules(RuleContext context, AnchorSyntax syntax)
{
    private readonly DateOnly today = context.Today;

    public string Write(RuleNode node) => node switch
    {
        AllOf all => Join(all.Items, syntax.And),
        AnyOf any => Join(any.Items, syntax.Or),
        NotRule not => $"{syntax.Not}({Write(not.Operand)})",
        NumberCondition { Operand.Field: FieldKey.HouseholdSize } n => Among(syntax.Column(nameof(ResidentFacts.HouseholdSize)), n.Operator, n.Values),
        NumberCondition n => Days(n),
        ChoiceCondition { Field: FieldKey.LifeStage } c => Negated(c.Operator, string.Join(syntax.Or, c.Values.Select(Stage))),
        ChoiceCondition c => Among(syntax.Enum(Column(c.Field)), c.Operator, c.Values),
        TerritoryCondition t => Negated(t.Operator, string.Join(syntax.Or, t.Codes.Select(syntax.StartsWith))),
        FlagCondition f => $"{syntax.Column(nameof(ResidentFacts.HouseholdSize))} {(f.Expected ? syntax.Equal : syntax.NotEqual)} 1",
        TagCondition t => syntax.HasBit(t.Household ? nameof(ResidentFacts.HouseholdTags) : nameof(ResidentFacts.Tags), 1UL << (context.TagIds[t.Tag] - 1)),
        _ => throw new NotSupportedException(node.ToString()),
    };

    private string Join(IEnumerable<RuleNode> items, string separator) => $"({string.Join(separator, items.Select(Write))})";

    private string Negated(RuleOperator op, string test) => op.IsNegative() ? $"{syntax.Not}({test})" : $"({test})";

    private string Among(string column, RuleOperator op, IReadOnlyList<int> values) => op switch
    {
        RuleOperator.In or RuleOperator.Equal => $"({string.Join(syntax.Or, values.Select(v => $"{column} {syntax.Equal} {v}"))})",
        RuleOperator.NotIn or RuleOperator.NotEqual => $"{syntax.Not}({string.Join(syntax.Or, values.Select(v => $"{column} {syntax.Equal} {v}"))})",
        _ => $"{column} {op.Symbol()} {values[0]}",
    };

    private string Days(NumberCondition n)
    {
        var (column, date, months) = n.Operand.Field switch
        {
            FieldKey.Age => (nameof(ResidentFacts.BirthDay), today, false),
            FieldKey.AgeOn => (nameof(ResidentFacts.BirthDay), n.Operand.On!.Value, false),
            FieldKey.MonthsResident => (nameof(ResidentFacts.SettledDay), today, true),
            FieldKey.HouseholdYoungestAge => (nameof(ResidentFacts.YoungestBirthDay), today, false),
            _ => (nameof(ResidentFacts.OldestBirthDay), today, false),
        };
        var day = syntax.Column(column);
        int Latest(int count) => count <= 0 ? throw new NotSupportedException("The bench rules count from 1.")
            : (months ? date.AddMonths(-count) : date.AddYears(-count)).DayNumber;
        var v = n.Values[0];
        return n.Operator switch
        {
            RuleOperator.GreaterOrEqual => $"{day} <= {Latest(v)}",
            RuleOperator.Greater => $"{day} <= {Latest(v + 1)}",
            RuleOperator.Less => $"{day} > {Latest(v)}",
            RuleOperator.LessOrEqual => $"{day} > {Latest(v + 1)}",
            _ => Negated(n.Operator, string.Join(syntax.Or, n.Values.Select(x => $"({day} > {Latest(x + 1)}{syntax.And}{day} <= {Latest(x)})"))),
        };
    }

    private string Stage(int stage)
    {
        var (after, onOrBefore) = LifeStages.BirthRange((LifeStage)stage, today);
        var day = syntax.Column(nameof(ResidentFacts.BirthDay));
        var lower = stage == (int)LifeStage.Oldest ? null : $"{day} > {after.DayNumber}";
        var upper = stage == (int)LifeStage.Infant ? null : $"{day} <= {onOrBefore.DayNumber}";
        return $"({string.Join(syntax.And, new[] { lower, upper }.OfType<string>())})";
    }

    private static string Column(FieldKey field) => field switch
    {
        FieldKey.Gender => nameof(ResidentFacts.Gender),
        FieldKey.Residence => nameof(ResidentFacts.Residence),
        _ => nameof(ResidentFacts.Relation),
    };
}

/// <summary>How each anchor spells operators, columns and the few tests that differ.</summary>
internal sealed record AnchorSyntax(
    string And, string Or, string Not, string Equal, string NotEqual,
    Func<string, string> Column, Func<string, string> Enum, Func<string, string> StartsWith, Func<string, ulong, string> HasBit)
{
    public static readonly AnchorSyntax Lambda = new(" && ", " || ", "!", "==", "!=",
        c => $"f.{c}", c => $"Convert.ToInt32(f.{c})", code => $"f.GridCode.StartsWith(\"{code}\")",
        (c, bit) => $"(f.{c} & {bit.ToString(CultureInfo.InvariantCulture)}UL) != 0UL");

    public static readonly AnchorSyntax DuckDb = new(" AND ", " OR ", "NOT ", "=", "<>",
        Snake, c => Snake(c), code => $"starts_with(grid_code, '{code}')",
        (c, bit) => $"({Snake(c)} & {bit.ToString(CultureInfo.InvariantCulture)}::UBIGINT) <> 0");

    private static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(ch) : ch.ToString()));
}
