using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace CivicGrid.Core.Tests.PublicServices.Rules;

/// <summary>Random well-typed rules and random facts that crowd around the boundaries rules draw.</summary>
public static class RuleGenerators
{
    public static readonly IReadOnlyList<string> Streets = ["330105001", "330105002"];
    public static readonly IReadOnlyList<string> Communities = Streets.SelectMany(s => new[] { s + "001", s + "002" }).ToList();
    public static readonly IReadOnlyList<string> Grids = Communities.SelectMany(c => new[] { c + "001", c + "002" }).ToList();

    /// <summary>The default tags with ids 1–10 and one at the last usable bit.</summary>
    public static readonly IReadOnlyDictionary<string, int> TagIds =
        Tag.Defaults.Select((t, i) => (t.Name, Id: i + 1)).Append((Name: "末位", Id: 64)).ToDictionary(t => t.Name, t => t.Id);

    public static readonly Gen<DateOnly> Today = Gen.OneOf(
        Gen.Elements(new DateOnly(2026, 11, 23), new DateOnly(2028, 2, 29), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1),
            new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 31)),
        Gen.Choose(0, 365 * 8).Select(d => new DateOnly(2022, 1, 1).AddDays(d)));

    public static Gen<CheckedRule> Rule(IReadOnlyDictionary<string, int> tagIds) =>
        Gen.Sized(size => Node(tagIds.Keys.ToList(), Math.Min(size, 30))).Select(n => new CheckedRule(n));

    private static Gen<RuleNode> Node(IReadOnlyList<string> tags, int size) => size <= 1
        ? Condition(tags)
        : Gen.Frequency(
            (3, Condition(tags)),
            (1, Node(tags, size / 2).Select(n => (RuleNode)new NotRule(n))),
            (2, Items(tags, size).Select(items => (RuleNode)new AllOf(items))),
            (2, Items(tags, size).Select(items => (RuleNode)new AnyOf(items))));

    private static Gen<IReadOnlyList<RuleNode>> Items(IReadOnlyList<string> tags, int size) =>
        Gen.Choose(2, 3).SelectMany(n => Node(tags, size / n).ListOf(n)).Select(l => (IReadOnlyList<RuleNode>)l.ToList());

    private static Gen<RuleNode> Condition(IReadOnlyList<string> tags) => Gen.Frequency(
        (5, Number()),
        (3, Choice()),
        (2, Territory()),
        (1, Gen.Elements(true, false).Select(e => (RuleNode)new FlagCondition(FieldKey.LivesAlone, e))),
        (2, Gen.Zip(Gen.Elements(tags.ToArray()), Gen.Elements(true, false)).Select(t => (RuleNode)new TagCondition(t.Item1, t.Item2))));

    private static Gen<RuleNode> Number() =>
        from field in Gen.Elements(FieldKey.Age, FieldKey.AgeOn, FieldKey.MonthsResident, FieldKey.HouseholdSize, FieldKey.HouseholdYoungestAge, FieldKey.HouseholdOldestAge)
        from date in Gen.Choose(0, 365 * 60).Select(d => (DateOnly?)new DateOnly(1995, 1, 1).AddDays(d))
        from op in Gen.Elements(Enum.GetValues<RuleOperator>())
        from values in Gen.Choose(1, 4).SelectMany(n => Value(field).ListOf(op.IsList() ? n : 1))
        select (RuleNode)new NumberCondition(new NumberOperand(field, field == FieldKey.AgeOn ? date : null), op, values.ToList());

    private static Gen<int> Value(FieldKey field) => field switch
    {
        FieldKey.HouseholdSize => Gen.Choose(-1, 8),
        FieldKey.MonthsResident => Gen.Frequency((6, Gen.Choose(-1, 30)), (3, Gen.Choose(0, 1300)), (1, Gen.Elements(int.MaxValue, int.MinValue, 30000))),
        _ => Gen.Frequency((8, Gen.Choose(-1, 110)), (1, Gen.Elements(int.MaxValue, int.MinValue, 3000, 2026))),
    };

    private static Gen<RuleNode> Choice() =>
        from field in Gen.Elements(FieldKey.Gender, FieldKey.Residence, FieldKey.Relation, FieldKey.LifeStage)
        from op in Gen.Elements(RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.In, RuleOperator.NotIn)
        from values in Gen.SubListOf(RuleFields.Get(field).Choices.Select(c => c.Number)).Where(l => l.Count > 0)
        select (RuleNode)new ChoiceCondition(field, op, op.IsList() ? values.ToList() : [values[0]]);

    private static Gen<RuleNode> Territory() =>
        from level in Gen.Elements((FieldKey.Grid, Grids), (FieldKey.Community, Communities), (FieldKey.Street, Streets))
        from op in Gen.Elements(RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.In, RuleOperator.NotIn)
        from codes in Gen.SubListOf(level.Item2.Append(new string('9', level.Item2[0].Length))).Where(l => l.Count > 0)
        select (RuleNode)new TerritoryCondition(level.Item1, op, op.IsList() ? codes.ToList() : [codes[0]]);

    /// <summary>Facts whose days often sit a day either side of a year or month boundary as seen from <paramref name="today"/>.</summary>
    public static Gen<ResidentFacts> Facts(DateOnly today) =>
        from id in Gen.Choose(1, 1_000_000)
        from birth in Day(today, years: true)
        from gender in Gen.Elements(Enum.GetValues<Gender>())
        from residence in Gen.Elements(Enum.GetValues<ResidenceType>())
        from relation in Gen.Elements(Enum.GetValues<HouseholdRelation>())
        from settled in Gen.OneOf(Gen.Constant(birth), Day(today, years: false))
        from grid in Gen.Elements(Grids.ToArray())
        from tags in Tags()
        from householdTags in Tags()
        from size in Gen.Choose(1, 6)
        from youngest in Day(today, years: true)
        from oldest in Day(today, years: true)
        select new ResidentFacts(id, birth, gender, residence, relation, settled, grid, tags, householdTags | tags, size, youngest, oldest);

    private static Gen<int> Day(DateOnly today, bool years) => Gen.Frequency(
        (2, Gen.Choose(0, 365 * 110).Select(d => today.AddDays(-d + 400).DayNumber)),
        (3, from n in Gen.Choose(0, years ? 105 : 1300)
            from shift in Gen.Choose(-1, 1)
            select (years ? today.AddYears(-n) : today.AddMonths(-n)).AddDays(shift).DayNumber),
        (1, Gen.Choose(1920, 2024).Select(y => new DateOnly(y - (y % 4), 2, 29).DayNumber)));

    private static Gen<ulong> Tags() =>
        Gen.ListOf(Gen.Elements(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 64), 3).Select(ids => ids.Aggregate(0UL, (m, id) => m | (1UL << (id - 1))));
}
