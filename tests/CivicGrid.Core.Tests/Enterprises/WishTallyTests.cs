using CivicGrid.Core.Enterprises.Wishes;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

public class WishTallyTests
{
    private static EmployeeWish Wish(int building, string theme) => EmployeeWish.Make(building, theme, null, StandardWishThemes.All(), Now).Wish!;

    [Fact]
    public void WishesCountPerBuildingAndRollUpToBusinessCommunities()
    {
        EmployeeWish[] wishes = [Wish(10, "lunch"), Wish(10, "lunch"), Wish(10, "sports"), Wish(11, "lunch"), Wish(12, "clubs")];

        var perBuilding = WishTally.PerBuilding(wishes);
        var perCommunity = WishTally.PerBusinessCommunity(perBuilding, new Dictionary<int, int> { [10] = 1, [11] = 1 });

        Assert.Equal([new WishCount(10, "lunch", 2), new WishCount(10, "sports", 1), new WishCount(11, "lunch", 1), new WishCount(12, "clubs", 1)], perBuilding);
        Assert.Equal([new WishCount(1, "lunch", 3), new WishCount(1, "sports", 1)], perCommunity);
    }

    [Fact]
    public void AWishNeedsAKnownThemeAndAShortText()
    {
        Assert.Equal("请选择心愿主题", EmployeeWish.Make(10, "karaoke", null, StandardWishThemes.All(), Now).Refusal?.Reason);
        Assert.Equal("心愿内容不超过 200 字", EmployeeWish.Make(10, "lunch", new string('饭', 201), StandardWishThemes.All(), Now).Refusal?.Reason);
    }
}
