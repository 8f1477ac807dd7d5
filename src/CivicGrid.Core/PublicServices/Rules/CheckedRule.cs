namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// An eligibility rule (资格规则) that parsed and type-checked: every field, value, date, code and tag in it is known.
/// Compile it for memory, translate it for SQL, or print it back as canonical text.
/// </summary>
public sealed record CheckedRule(RuleNode Root)
{
    public string Text => RuleFormatter.Format(this);

    public override string ToString() => Text;
}
