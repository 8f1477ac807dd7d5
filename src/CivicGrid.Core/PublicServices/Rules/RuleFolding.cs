using CivicGrid.Core.People;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>Folds a checked rule for one evaluation date: all date arithmetic happens here, once.</summary>
internal static class RuleFolding
{
    public static FactTest Fold(RuleNode node, RuleContext context) => node switch
    {
        AllOf all => FactTests.All(all.Items.Select(i => Fold(i, context))),
        AnyOf any => FactTests.Any(any.Items.Select(i => Fold(i, context))),
        NotRule not => FactTests.Not(Fold(not.Operand, context)),
        NumberCondition { Operand.Field: FieldKey.HouseholdSize } n => Size(n),
        NumberCondition n => Days(n, context.Today),
        ChoiceCondition { Field: FieldKey.LifeStage } c => FactTests.Not(Stages(c.Values, context.Today), c.Operator.IsNegative()),
        ChoiceCondition c => FactTests.Not(new ChoiceTest(c.Field, c.Values), c.Operator.IsNegative()),
        TerritoryCondition t => FactTests.Not(new CodeTest(RuleFields.Get(t.Field).CodeLength, t.Codes), t.Operator.IsNegative()),
        FlagCondition f => FactTests.Not(new SizeTest(RuleOperator.Equal, 1), !f.Expected),
        TagCondition t => new TagTest(t.Household, TagId(t.Tag, context)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown rule node."),
    };

    private static FactTest Size(NumberCondition n) => n.Operator switch
    {
        RuleOperator.In or RuleOperator.NotIn =>
            FactTests.Not(FactTests.Any(n.Values.Select(v => new SizeTest(RuleOperator.Equal, v))), n.Operator == RuleOperator.NotIn),
        _ => new SizeTest(n.Operator, n.Values[0]),
    };

    private static FactTest Days(NumberCondition n, DateOnly today)
    {
        var (fact, date) = n.Operand.Field switch
        {
            FieldKey.Age => (DayFact.Birth, today),
            FieldKey.AgeOn => (DayFact.Birth, n.Operand.On ?? today),
            FieldKey.MonthsResident => (DayFact.Settled, today),
            FieldKey.HouseholdYoungestAge => (DayFact.YoungestBirth, today),
            FieldKey.HouseholdOldestAge => (DayFact.OldestBirth, today),
            _ => throw new ArgumentOutOfRangeException(nameof(n), n.Operand.Field, "Not a day-based number."),
        };
        Func<long, int> threshold = fact == DayFact.Settled
            ? m => DayThresholds.LatestSettledForMonths(m, date)
            : y => DayThresholds.LatestBirthForAge(y, date);
        var v = (long)n.Values[0];
        return n.Operator switch
        {
            RuleOperator.GreaterOrEqual => FactTests.Day(fact, int.MinValue, threshold(v)),
            RuleOperator.Greater => FactTests.Day(fact, int.MinValue, threshold(v + 1)),
            RuleOperator.Less => FactTests.Day(fact, threshold(v), int.MaxValue),
            RuleOperator.LessOrEqual => FactTests.Day(fact, threshold(v + 1), int.MaxValue),
            _ => FactTests.Not(
                FactTests.Any(n.Values.Select(x => FactTests.Day(fact, threshold(x + 1L), threshold(x)))),
                n.Operator.IsNegative()),
        };
    }

    /// <summary>
    /// Adjacent stages merge into one range of birth days. The youngest stage has no upper bound and the oldest no
    /// lower one, because <see cref="Age.On"/> counts someone not yet born as 0.
    /// </summary>
    private static FactTest Stages(IReadOnlyList<int> stages, DateOnly today)
    {
        var last = (int)LifeStage.Oldest;
        var ordered = stages.Distinct().Order().ToList();
        var ranges = new List<FactTest>();
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1] == ordered[j] + 1)
            {
                j++;
            }
            var youngest = ordered[i];
            var oldest = ordered[j];
            var after = oldest == last ? int.MinValue : LifeStages.BirthRange((LifeStage)oldest, today).BornAfter.DayNumber;
            var onOrBefore = youngest == 0 ? int.MaxValue : LifeStages.BirthRange((LifeStage)youngest, today).BornOnOrBefore.DayNumber;
            ranges.Add(FactTests.Day(DayFact.Birth, after, onOrBefore));
            i = j + 1;
        }
        return FactTests.Any(ranges);
    }

    /// <summary>A rule checked against another tag list may name a tag this context lacks.</summary>
    internal static int TagId(string tag, RuleContext context)
    {
        if (!context.TagIds.TryGetValue(tag, out var id))
        {
            throw new ArgumentException($"未知标签“{tag}”", nameof(context));
        }
        if (id is < 1 or > RuleParser.MaxTagId)
        {
            throw new ArgumentException($"标签“{tag}”的编号为 {id}，规则只能使用编号 1 至 {RuleParser.MaxTagId} 的标签", nameof(context));
        }
        return id;
    }
}
