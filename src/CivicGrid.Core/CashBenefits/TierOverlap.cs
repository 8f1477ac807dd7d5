using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.CashBenefits;

/// <summary>Two tiers that select the same person, and who: "年满 90 周岁的男性户籍居民".</summary>
public sealed record TierClash(int First, int Second, string Example);

/// <summary>
/// Finds two tiers whose rules hold for one person by evaluating every tier over a sample of people: each age from 0
/// to 150 (on the day of the birthday and on its eve), both genders, every residence type, alone or in a household,
/// and every combination of the tags the tiers name (up to <see cref="MaxTags"/>). Tiers written on those facts, as
/// tiers are (age bands, disability grades as tags), are caught exactly; a clash only by grid or by dates of
/// <c>age_on</c> is not sampled.
/// </summary>
public static class TierOverlap
{
    public const int MaxTags = 6;
    private const int MaxAge = 150;

    public static TierClash? Find(IReadOnlyList<CheckedRule> tiers, RuleContext context)
    {
        if (tiers.Count < 2)
        {
            return null;
        }
        var compiled = tiers.Select(t => RuleCompiler.Compile(t, context).Matches).ToArray();
        var tags = tiers.SelectMany(t => TagsOf(t.Root)).Distinct().Take(MaxTags)
            .Select(name => (Name: name, Bit: context.TagIds.TryGetValue(name, out var id) ? 1UL << (id - 1) : 0UL)).ToList();
        foreach (var facts in Samples(context.Today, tags.Select(t => t.Bit).ToList()))
        {
            var first = -1;
            for (var i = 0; i < compiled.Length; i++)
            {
                if (!compiled[i](facts))
                {
                    continue;
                }
                if (first >= 0)
                {
                    return new TierClash(first, i, Describe(facts, context.Today, tags));
                }
                first = i;
            }
        }
        return null;
    }

    private static IEnumerable<ResidentFacts> Samples(DateOnly today, IReadOnlyList<ulong> tagBits)
    {
        for (var age = 0; age <= MaxAge; age++)
        {
            var birthdays = new[] { today.AddYears(-age), today.AddYears(-age - 1).AddDays(1) };
            foreach (var birth in birthdays.Select(b => b.DayNumber))
            {
                foreach (var gender in Enum.GetValues<Gender>())
                {
                    foreach (var residence in Enum.GetValues<ResidenceType>())
                    {
                        for (var mask = 0; mask < 1 << tagBits.Count; mask++)
                        {
                            var tags = Bits(mask, tagBits);
                            yield return new ResidentFacts(0, birth, gender, residence, HouseholdRelation.Head, birth, "", tags, tags, 1, birth, birth);
                            yield return new ResidentFacts(0, birth, gender, residence, HouseholdRelation.Head, birth, "", tags, tags, 3, birth, birth);
                        }
                    }
                }
            }
        }
    }

    private static ulong Bits(int mask, IReadOnlyList<ulong> tagBits)
    {
        var bits = 0UL;
        for (var i = 0; i < tagBits.Count; i++)
        {
            bits |= (mask & (1 << i)) != 0 ? tagBits[i] : 0;
        }
        return bits;
    }

    private static string Describe(ResidentFacts f, DateOnly today, IReadOnlyList<(string Name, ulong Bit)> tags)
    {
        var age = Age.On(DateOnly.FromDayNumber(f.BirthDay), today);
        var carried = tags.Where(t => t.Bit != 0 && (f.Tags & t.Bit) != 0).Select(t => $"“{t.Name}”").ToList();
        var withTags = carried.Count == 0 ? "" : $"、带{string.Join("、", carried)}标签";
        return $"{age} 周岁{(f.Gender == Gender.Male ? "男性" : "女性")}{f.Residence.ChineseName()}居民{withTags}";
    }

    private static IEnumerable<string> TagsOf(RuleNode node) => node switch
    {
        AllOf all => all.Items.SelectMany(TagsOf),
        AnyOf any => any.Items.SelectMany(TagsOf),
        NotRule not => TagsOf(not.Operand),
        TagCondition t => [t.Tag],
        _ => [],
    };
}
