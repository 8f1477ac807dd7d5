namespace CivicGrid.Core.People;

/// <summary>A stage of life (生命周期阶段) derived from age; services across the life cycle key on it.</summary>
public enum LifeStage
{
    /// <summary>婴幼儿, 0–3.</summary>
    Infant,
    /// <summary>学龄前, 3–6.</summary>
    Preschool,
    /// <summary>学龄, 6–18.</summary>
    SchoolAge,
    /// <summary>青年, 18–35.</summary>
    Youth,
    /// <summary>中年, 35–60.</summary>
    MiddleAge,
    /// <summary>老年, 60–80.</summary>
    Elderly,
    /// <summary>高龄, 80 and over.</summary>
    Oldest,
}

public static class LifeStages
{
    /// <summary>Lower age bound of each stage, in the enum's order.</summary>
    private static readonly int[] LowerBounds = [0, 3, 6, 18, 35, 60, 80];

    public static LifeStage ForAge(int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        var stage = LifeStage.Infant;
        for (var i = 0; i < LowerBounds.Length && age >= LowerBounds[i]; i++)
        {
            stage = (LifeStage)i;
        }
        return stage;
    }

    public static LifeStage At(DateOnly birthDate, DateOnly date) => ForAge(Age.On(birthDate, date));

    /// <summary>The birth dates whose holders are in <paramref name="stage"/> on <paramref name="date"/>: (earliest, latest] inclusive-exclusive bounds for queries.</summary>
    public static (DateOnly BornAfter, DateOnly BornOnOrBefore) BirthRange(LifeStage stage, DateOnly date)
    {
        var index = (int)stage;
        var youngest = LowerBounds[index];
        var bornOnOrBefore = date.AddYears(-youngest);
        var bornAfter = index + 1 < LowerBounds.Length ? date.AddYears(-LowerBounds[index + 1]) : DateOnly.MinValue;
        return (bornAfter, bornOnOrBefore);
    }

    public static string ChineseName(this LifeStage stage) => stage switch
    {
        LifeStage.Infant => "婴幼儿",
        LifeStage.Preschool => "学龄前",
        LifeStage.SchoolAge => "学龄",
        LifeStage.Youth => "青年",
        LifeStage.MiddleAge => "中年",
        LifeStage.Elderly => "老年",
        _ => "高龄",
    };
}
