using CivicGrid.Core.Geography;
using CivicGrid.Core.Territory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Territory;

public class TerritoryCodeTests
{
    [Fact]
    public void AGridCodeHasFifteenDigitsAndNestsInItsAncestors()
    {
        var street = TerritoryCode.Child("330105", 7);
        var community = TerritoryCode.Child(street, 12);
        var grid = TerritoryCode.Child(community, 3);

        Assert.Equal("330105007012003", grid);
        Assert.Equal(TerritoryLevel.Grid, TerritoryCode.LevelOf(grid));
        Assert.Equal(community, TerritoryCode.ParentOf(grid));
        Assert.True(TerritoryCode.IsWithin(grid, street));
        Assert.False(TerritoryCode.IsWithin(grid, TerritoryCode.Child("330105", 8)));
    }

    [Theory]
    [InlineData("33010")]
    [InlineData("3301050071")]
    [InlineData("33010500701200A")]
    public void MalformedCodesAreNotCodes(string code) => Assert.False(TerritoryCode.IsValid(code));

    [Fact]
    public void AGridHasNoChildren() => Assert.Throws<ArgumentException>(() => TerritoryCode.Child("330105007012003", 1));

    [Property(MaxTest = 300)]
    public Property SubdivisionCoversTheRectangleExactly(PositiveInt count)
    {
        var box = new GeoRect(30.28, 120.09, 30.36, 120.18);
        var cells = box.Subdivide(Math.Min(count.Get, 60));
        var area = cells.Sum(c => (c.North - c.South) * (c.East - c.West));
        var inside = cells.All(c => c.South >= box.South - 1e-12 && c.North <= box.North + 1e-12 && c.West >= box.West - 1e-12 && c.East <= box.East + 1e-12);
        return (cells.Count == Math.Min(count.Get, 60) && inside && Math.Abs(area - (box.North - box.South) * (box.East - box.West)) < 1e-12).ToProperty();
    }
}
