using CivicGrid.Core.Enterprises.Wishes;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>Employees' wishes (职工所盼) of the last half year, 10 to 60 per office building, lunch and sports the most asked.</summary>
internal static class DemoWishes
{
    private static readonly (string Theme, int Weight, string[] Words)[] Themes =
    [
        ("lunch", 30, ["希望楼里有平价食堂", "午餐选择太少"]),
        ("sports", 20, ["希望附近有羽毛球场", "下班后想有地方健身"]),
        ("childcare", 15, ["暑期孩子没人照看", "希望有托育点"]),
        ("night-school", 12, ["想学英语和办公软件", "希望开设职工夜校"]),
        ("clubs", 13, ["想组织读书会", "希望有摄影兴趣小组"]),
        ("commute", 10, ["停车太难", "希望开通地铁接驳车"]),
    ];

    public static List<EmployeeWish> For(IReadOnlyList<Building> offices, IReadOnlyList<WishTheme> themes, Random random, DateTime nowUtc, long firstId)
    {
        var total = Themes.Sum(t => t.Weight);
        var wishes = new List<EmployeeWish>();
        foreach (var building in offices)
        {
            var count = random.Next(10, 61);
            for (var i = 0; i < count; i++)
            {
                var (theme, words) = Pick(random.Next(total));
                var text = random.Next(10) < 4 ? words[random.Next(words.Length)] : null;
                var (wish, _) = EmployeeWish.Make(building.Id, theme, text, themes, nowUtc.AddDays(-random.NextDouble() * 180));
                if (wish is not null)
                {
                    wish.Id = firstId + wishes.Count;
                    wishes.Add(wish);
                }
            }
        }
        return wishes;
    }

    private static (string Theme, string[] Words) Pick(int roll)
    {
        foreach (var (theme, weight, words) in Themes)
        {
            if ((roll -= weight) < 0)
            {
                return (theme, words);
            }
        }
        return (Themes[^1].Theme, Themes[^1].Words);
    }
}
