namespace CivicGrid.Core.Enterprises.Wishes;

/// <summary>A theme of what employees hope for (职工所盼主题), kept as data so a business community can add its own.</summary>
public sealed class WishTheme
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>The themes a district starts from, after the reports' employee life: lunch hour, sports, night school, clubs.</summary>
public static class StandardWishThemes
{
    public static IReadOnlyList<WishTheme> All() =>
    [
        new() { Code = "lunch", Name = "午间餐饮" },
        new() { Code = "sports", Name = "运动健身" },
        new() { Code = "childcare", Name = "子女托管" },
        new() { Code = "night-school", Name = "职工夜校" },
        new() { Code = "clubs", Name = "兴趣社团" },
        new() { Code = "commute", Name = "通勤停车" },
    ];
}
