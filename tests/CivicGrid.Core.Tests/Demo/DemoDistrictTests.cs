using CivicGrid.Core.Demo;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Tests.Demo;

public class DemoDistrictTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private const int ExpectedTinyPeople = 230;
    private const string ExpectedFirstId = "412723194701030886";

    [Fact]
    public void TheSameSeedGivesTheSameDistrict()
    {
        var a = new DemoDistrict(DemoScale.Tiny, Today).Population().SelectMany(g => g.People).Select(p => p.IdNumber).ToList();
        var b = new DemoDistrict(DemoScale.Tiny, Today).Population().SelectMany(g => g.People).Select(p => p.IdNumber).ToList();
        Assert.Equal(a, b);
    }

    [Fact]
    public void TheDistrictIsTheSameInEveryProcess()
    {
        // Pinned values: a change here means every benchmark and demo changes too.
        var people = new DemoDistrict(DemoScale.Tiny, Today).Population().SelectMany(g => g.People).ToList();
        Assert.Equal(people.Count, new DemoDistrict(DemoScale.Tiny, Today).Population().Sum(g => g.People.Count));
        Assert.True(people.Count == ExpectedTinyPeople, $"tiny district has {people.Count} people");
        Assert.True(people[0].IdNumber == ExpectedFirstId, $"first ID number is {people[0].IdNumber}");
    }

    [Fact]
    public void TheSmallDistrictHasTwoGongshuStreetsAndAboutTwentyThousandValidResidents()
    {
        var district = new DemoDistrict(DemoScale.Small, Today);
        var people = district.Population().SelectMany(g => g.People).ToList();

        Assert.Equal(["小河街道", "和睦街道"], district.Territory.Where(n => n.Level == TerritoryLevel.Street).Select(n => n.Name));
        Assert.InRange(people.Count, 18_000, 23_000);
        Assert.All(people, p => Assert.True(IdNumber.TryParse(p.IdNumber, out _, out _)));
        Assert.Equal(people.Count, people.Select(p => p.IdNumber).Distinct().Count());
        Assert.All(district.Territory.Where(n => n.Level == TerritoryLevel.Grid), g => Assert.Equal(15, g.Code.Length));
    }

    [Fact]
    public void TheAgeStructureHasChildrenAndAnElderlyShareLikeHangzhous()
    {
        var people = new DemoDistrict(DemoScale.Small, Today).Population().SelectMany(g => g.People).ToList();
        var ages = people.Select(p => IdNumber.Parse(p.IdNumber).AgeOn(Today)).ToList();
        var elderly = ages.Count(a => a >= 60) / (double)ages.Count;
        var children = ages.Count(a => a < 18) / (double)ages.Count;
        Assert.InRange(elderly, 0.15, 0.35);
        Assert.InRange(children, 0.08, 0.25);
        Assert.Contains(ages, a => a >= 80);
    }

    [Fact]
    public void EnterprisesHaveValidUniqueCreditCodesInOfficeBuildings()
    {
        var (offices, enterprises) = new DemoDistrict(DemoScale.Small, Today).Business();
        Assert.All(enterprises, e => Assert.True(CreditCode.IsValid(e.CreditCode), e.CreditCode));
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.CreditCode).Distinct().Count());
        Assert.All(enterprises, e => Assert.Contains(offices, o => o.Code == e.BuildingCode));
        Assert.All(offices, o => Assert.NotNull(o.BusinessCommunity));
    }

    [Fact]
    public void TheDistrictScaleHasEighteenStreetsAndAboutFifteenHundredGrids()
    {
        var district = new DemoDistrict(DemoScale.District, Today);
        Assert.Equal(18, district.Territory.Count(n => n.Level == TerritoryLevel.Street));
        Assert.InRange(district.Territory.Count(n => n.Level == TerritoryLevel.Community), 290, 310);
        Assert.InRange(district.GridCodes.Count, 1450, 1550);
    }
}
