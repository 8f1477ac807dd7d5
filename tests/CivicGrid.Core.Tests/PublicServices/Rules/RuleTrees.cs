using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

/// <summary>Structural equality of rule trees; the records compare their lists by reference.</summary>
public static class RuleTrees
{
    public static bool Same(RuleNode a, RuleNode b) => (a, b) switch
    {
        (AllOf x, AllOf y) => SameItems(x.Items, y.Items),
        (AnyOf x, AnyOf y) => SameItems(x.Items, y.Items),
        (NotRule x, NotRule y) => Same(x.Operand, y.Operand),
        (NumberCondition x, NumberCondition y) => x.Operand == y.Operand && x.Operator == y.Operator && x.Values.SequenceEqual(y.Values),
        (ChoiceCondition x, ChoiceCondition y) => x.Field == y.Field && x.Operator == y.Operator && x.Values.SequenceEqual(y.Values),
        (TerritoryCondition x, TerritoryCondition y) => x.Field == y.Field && x.Operator == y.Operator && x.Codes.SequenceEqual(y.Codes),
        _ => a == b,
    };

    private static bool SameItems(IReadOnlyList<RuleNode> a, IReadOnlyList<RuleNode> b) =>
        a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second));
}
