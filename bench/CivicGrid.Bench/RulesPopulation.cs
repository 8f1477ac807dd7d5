using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Bench;

/// <summary>
/// A synthetic district held in memory as rule facts: households of one to six with a head, spouse, children and
/// parents of plausible ages, a few residents without a household, migrants who moved in over the last years, and
/// tags at the rates a district reports (disability, low income, couples both at work, elderly living alone …).
/// </summary>
internal static class RulesPopulation
{
    public const int Streets = 10;
    private const int CommunitiesPerStreet = 8;
    private const int GridsPerCommunity = 10;
    private static readonly int[] SizeWeights = [30, 32, 22, 10, 4, 2];

    /// <summary>
    /// The residents' facts, and for each the number of its household (1 up to <see cref="RulesDistrict.Households"/>)
    /// or 0 for the one in thirty who has none.
    /// </summary>
    public static RulesDistrict Generate(int residents, DateOnly today, IReadOnlyDictionary<string, int> tagIds, int seed = 42)
    {
        var random = new Random(seed);
        var grids = Grids();
        var facts = new List<ResidentFacts>(residents);
        var householdOf = new List<int>(residents);
        var loners = residents / 30;
        var households = 0;
        while (facts.Count < residents - loners)
        {
            var size = Math.Min(PickSize(random), residents - loners - facts.Count);
            AddHousehold(facts, random, today, tagIds, grids[random.Next(grids.Length)], size);
            householdOf.AddRange(Enumerable.Repeat(++households, size));
        }
        while (facts.Count < residents)
        {
            AddHousehold(facts, random, today, tagIds, grids[random.Next(grids.Length)], 1);
            householdOf.Add(0);
        }
        return new RulesDistrict([.. facts], [.. householdOf], households);
    }

    public static string[] Grids() =>
        [.. from s in Enumerable.Range(1, Streets)
            from c in Enumerable.Range(1, CommunitiesPerStreet)
            from g in Enumerable.Range(1, GridsPerCommunity)
            select $"330105{s:D3}{c:D3}{g:D3}"];

    private static int PickSize(Random random)
    {
        var roll = random.Next(100);
        for (var i = 0; i < SizeWeights.Length; i++)
        {
            if ((roll -= SizeWeights[i]) < 0)
            {
                return i + 1;
            }
        }
        return 1;
    }

    private static void AddHousehold(List<ResidentFacts> facts, Random random, DateOnly today, IReadOnlyDictionary<string, int> tagIds, string grid, int size)
    {
        var residence = (ResidenceType)Pick(random, 60, 25, 15);
        var settled = residence == ResidenceType.Registered ? (DateOnly?)null : today.AddDays(-random.Next(0, 365 * 12));
        var headAge = size == 1 ? random.Next(18, 100) : random.Next(24, 85);
        var members = new List<(int Age, Gender Gender, HouseholdRelation Relation)> { (headAge, (Gender)random.Next(2), HouseholdRelation.Head) };
        for (var m = 1; m < size; m++)
        {
            members.Add(m switch
            {
                1 => (Math.Max(18, headAge + random.Next(-5, 6)), (Gender)(1 - (int)members[0].Gender), HouseholdRelation.Spouse),
                _ when headAge < 50 || random.Next(3) > 0 => (random.Next(0, Math.Max(1, Math.Min(headAge - 20, 30))), (Gender)random.Next(2), HouseholdRelation.Child),
                _ => (Math.Min(104, headAge + random.Next(22, 32)), (Gender)random.Next(2), HouseholdRelation.Parent),
            });
        }
        var first = facts.Count;
        var couple = size >= 2 && random.Next(100) < 40;
        ulong householdTags = 0;
        foreach (var (age, gender, relation) in members)
        {
            var birth = today.AddYears(-age).AddDays(-random.Next(0, 365));
            var tags = Tags(random, tagIds, age, gender, residence, size, couple && relation is HouseholdRelation.Head or HouseholdRelation.Spouse);
            householdTags |= tags;
            var settledDay = (settled is { } s && s > birth ? s : birth).DayNumber;
            facts.Add(new ResidentFacts(facts.Count + 1, birth.DayNumber, gender, residence, relation, settledDay, grid, tags, 0, size, 0, 0));
        }
        var youngest = int.MinValue;
        var oldest = int.MaxValue;
        for (var i = first; i < facts.Count; i++)
        {
            youngest = Math.Max(youngest, facts[i].BirthDay);
            oldest = Math.Min(oldest, facts[i].BirthDay);
        }
        for (var i = first; i < facts.Count; i++)
        {
            facts[i] = facts[i] with { HouseholdTags = householdTags, YoungestBirthDay = youngest, OldestBirthDay = oldest };
        }
    }

    private static ulong Tags(Random random, IReadOnlyDictionary<string, int> tagIds, int age, Gender gender, ResidenceType residence, int size, bool couple)
    {
        ulong tags = 0;
        void Maybe(string tag, bool applies, int percent)
        {
            if (applies && random.Next(100) < percent)
            {
                tags |= 1UL << (tagIds[tag] - 1);
            }
        }
        Maybe("独居", size == 1 && age >= 60, 80);
        Maybe("失能", age >= 60, 8);
        Maybe("残疾", true, 3);
        Maybe("低保", true, 2);
        Maybe("退役军人", gender == Gender.Male && age >= 20, 4);
        Maybe("人才", age is >= 22 and < 45, 4);
        Maybe("新就业群体", residence != ResidenceType.Registered && age is >= 18 and < 50, 10);
        Maybe("双职工", couple && age < 60, 100);
        Maybe("空巢", size == 2 && age >= 60, 40);
        Maybe("重点关注", true, 1);
        return tags;
    }

    private static int Pick(Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }
        return 0;
    }
}

internal sealed record RulesDistrict(ResidentFacts[] Facts, int[] HouseholdOf, int Households);
