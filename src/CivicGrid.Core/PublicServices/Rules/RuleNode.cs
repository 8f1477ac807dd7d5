namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>A node of a checked rule.</summary>
public abstract record RuleNode;

/// <summary>Every item holds (and).</summary>
public sealed record AllOf(IReadOnlyList<RuleNode> Items) : RuleNode;

/// <summary>At least one item holds (or).</summary>
public sealed record AnyOf(IReadOnlyList<RuleNode> Items) : RuleNode;

/// <summary>The operand does not hold (not).</summary>
public sealed record NotRule(RuleNode Operand) : RuleNode;

/// <summary>An integer fact compared with integers: <c>age &gt;= 80</c>, <c>household.size in (3, 4)</c>.</summary>
public sealed record NumberCondition(NumberOperand Operand, RuleOperator Operator, IReadOnlyList<int> Values) : RuleNode;

/// <summary>One of a field's listed values: <c>gender = '女'</c>; values hold the enum's numbers.</summary>
public sealed record ChoiceCondition(FieldKey Field, RuleOperator Operator, IReadOnlyList<int> Values) : RuleNode;

/// <summary>Where the resident lives, by grid, community or street code.</summary>
public sealed record TerritoryCondition(FieldKey Field, RuleOperator Operator, IReadOnlyList<string> Codes) : RuleNode;

/// <summary>A yes/no fact such as <c>lives_alone</c>, expected to be <paramref name="Expected"/>.</summary>
public sealed record FlagCondition(FieldKey Field, bool Expected) : RuleNode;

/// <summary>The resident (or, for <paramref name="Household"/>, any active member of the household) carries the tag.</summary>
public sealed record TagCondition(string Tag, bool Household) : RuleNode;

/// <summary>An integer fact; <paramref name="On"/> is the date of <c>age_on</c>.</summary>
public sealed record NumberOperand(FieldKey Field, DateOnly? On = null);
