namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>How a field is written and what it compares with.</summary>
public enum RuleFieldType
{
    /// <summary>Compared with integers by any operator.</summary>
    Integer,
    /// <summary>An integer at a date written as its argument: <c>age_on('2027-09-01')</c>.</summary>
    IntegerOnDate,
    /// <summary>One of the listed values, by <c>=</c>, <c>!=</c>, <c>in</c>, <c>not in</c>.</summary>
    Choice,
    /// <summary>A territory code of a fixed number of digits, by <c>=</c>, <c>!=</c>, <c>in</c>, <c>not in</c>.</summary>
    Code,
    /// <summary>Stands alone, or <c>= true</c> / <c>= false</c>.</summary>
    Flag,
    /// <summary>A call with a tag's name: <c>has_tag('独居')</c>.</summary>
    Tag,
}

/// <summary>A listed value of a choice field: its text in rules and the enum's number.</summary>
public sealed record RuleChoice(string Name, int Number);

/// <summary>One field of the rule language as the form builder shows it.</summary>
public sealed record RuleField(
    FieldKey Key, string Name, string Label, RuleFieldType Type, IReadOnlyList<RuleOperator> Operators,
    IReadOnlyList<RuleChoice> Choices, int CodeLength = 0, int Minimum = 0, int Maximum = int.MaxValue)
{
    public IReadOnlyList<string> Values => Choices.Select(c => c.Name).ToList();

    /// <summary>Whether a number field can hold <paramref name="value"/> at all (an age of -5 cannot).</summary>
    public bool CanHold(int value) => value >= Minimum && value <= Maximum;
}
