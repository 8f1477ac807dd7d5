namespace CivicGrid.Core.People;

/// <summary>A member's relation to the head of the household (与户主关系).</summary>
public enum HouseholdRelation
{
    Head = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    Grandchild = 4,
    Sibling = 5,
    Other = 9,
}

public static class HouseholdRelations
{
    private static readonly (HouseholdRelation Relation, string Name)[] Names =
    [
        (HouseholdRelation.Head, "户主"), (HouseholdRelation.Spouse, "配偶"), (HouseholdRelation.Child, "子女"),
        (HouseholdRelation.Parent, "父母"), (HouseholdRelation.Grandchild, "孙子女"), (HouseholdRelation.Sibling, "兄弟姐妹"),
        (HouseholdRelation.Other, "其他"),
    ];

    public static string ChineseName(this HouseholdRelation relation) =>
        Array.Find(Names, n => n.Relation == relation).Name ?? "其他";

    public static bool TryParse(string? text, out HouseholdRelation relation)
    {
        var trimmed = text?.Trim();
        foreach (var (r, name) in Names)
        {
            if (name == trimmed || r.ToString().Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                relation = r;
                return true;
            }
        }
        relation = HouseholdRelation.Other;
        return false;
    }
}
