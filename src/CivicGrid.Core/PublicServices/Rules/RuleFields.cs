using CivicGrid.Core.People;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>The catalogue of fields (规则字段) the form builder offers and the checker accepts.</summary>
public static class RuleFields
{
    private static readonly RuleOperator[] Ordered = Enum.GetValues<RuleOperator>();
    private static readonly RuleOperator[] Membership = [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.In, RuleOperator.NotIn];
    private static readonly RuleOperator[] Equality = [RuleOperator.Equal, RuleOperator.NotEqual];
    private const int MaxAge = 150;

    public static IReadOnlyList<RuleField> All { get; } =
    [
        Number(FieldKey.Age, "age", "年龄", MaxAge),
        new(FieldKey.AgeOn, "age_on", "某日年龄", RuleFieldType.IntegerOnDate, Ordered, [], Maximum: MaxAge),
        Choice(FieldKey.Gender, "gender", "性别", [new("男", (int)Gender.Male), new("女", (int)Gender.Female)]),
        Choice(FieldKey.Residence, "residence", "居住类型", Enum.GetValues<ResidenceType>().Select(t => new RuleChoice(t.ChineseName(), (int)t)).ToList()),
        Choice(FieldKey.Relation, "relation", "与户主关系", Enum.GetValues<HouseholdRelation>().Select(r => new RuleChoice(r.ChineseName(), (int)r)).ToList()),
        Choice(FieldKey.LifeStage, "life_stage", "生命周期阶段", Enum.GetValues<LifeStage>().Select(s => new RuleChoice(s.ChineseName(), (int)s)).ToList()),
        Number(FieldKey.MonthsResident, "months_resident", "居住月数", MaxAge * 12),
        Code(FieldKey.Grid, "grid", "网格", TerritoryLevel.Grid),
        Code(FieldKey.Community, "community", "社区", TerritoryLevel.Community),
        Code(FieldKey.Street, "street", "街道", TerritoryLevel.Street),
        Number(FieldKey.HouseholdSize, "household.size", "家庭人数", 100),
        Number(FieldKey.HouseholdYoungestAge, "household.youngest_age", "家庭最小成员年龄", MaxAge),
        Number(FieldKey.HouseholdOldestAge, "household.oldest_age", "家庭最大成员年龄", MaxAge),
        new(FieldKey.LivesAlone, "lives_alone", "一人户", RuleFieldType.Flag, Equality, []),
        new(FieldKey.HasTag, "has_tag", "人员标签", RuleFieldType.Tag, [], []),
        new(FieldKey.HouseholdHasTag, "household.has_tag", "家庭成员标签", RuleFieldType.Tag, [], []),
    ];

    public static RuleField Get(FieldKey key) => All[(int)key];

    public static RuleField? Find(string name) =>
        All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static RuleField Number(FieldKey key, string name, string label, int maximum) =>
        new(key, name, label, RuleFieldType.Integer, Ordered, [], Maximum: maximum);

    private static RuleField Choice(FieldKey key, string name, string label, IReadOnlyList<RuleChoice> choices) =>
        new(key, name, label, RuleFieldType.Choice, Membership, choices);

    private static RuleField Code(FieldKey key, string name, string label, TerritoryLevel level) =>
        new(key, name, label, RuleFieldType.Code, Membership, [], TerritoryCode.LengthOf(level));
}
