namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>
/// An eligibility rule (资格规则) that parsed and type-checked: every field, value, date, code and tag in it is known.
/// Compile it for memory, translate it for SQL, or print it back as canonical text.
/// </summary>
public sealed record CheckedRule(RuleNode Root)
{
    public string Text => RuleFormatter.Format(this);

    /// <summary>Whether the rule reads anything of the household (its size, youngest, oldest, living alone, members' tags).</summary>
    public bool ReadsHousehold => Reads(Root);

    private static bool Reads(RuleNode node) => node switch
    {
        AllOf all => all.Items.Any(Reads),
        AnyOf any => any.Items.Any(Reads),
        NotRule not => Reads(not.Operand),
        NumberCondition n => n.Operand.Field is FieldKey.HouseholdSize or FieldKey.HouseholdYoungestAge or FieldKey.HouseholdOldestAge,
        FlagCondition f => f.Field == FieldKey.LivesAlone,
        TagCondition t => t.Household,
        _ => false,
    };

    public override string ToString() => Text;
}
