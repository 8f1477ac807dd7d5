using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.PublicServices;

public class DemoFacilitiesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSmallDemoHasEveryTypeInProportionToItsStreetsEachWithItsServices(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, DemoScale.Small);
        await using var scope = app.Scope(new CivicGrid.App.Access.SystemJurisdiction("tests"));
        var facilities = await scope.Db.Facilities.AsNoTracking().Include(f => f.Services).Include(f => f.Type).ToListAsync();
        var grids = await scope.Db.TerritoryNodes.CountAsync(n => n.Level == TerritoryLevel.Grid);

        var counts = facilities.GroupBy(f => f.TypeCode).ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<string, int>
        {
            ["elderly"] = 18, ["children"] = 6, ["canteen"] = 13, ["health"] = 12, ["childcare"] = 7,
            ["centre"] = 35, ["courier"] = 5, ["talent"] = 2, ["sports"] = 47,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(c => c.Key));
        Assert.All(facilities, f =>
        {
            var entries = StandardCatalogue.Entries.Where(e => e.FacilityTypes.Contains(f.TypeCode)).Select(e => e.Code).Order();
            Assert.Equal(entries, f.Services.Select(s => s.Code).Order());
            Assert.Equal(f.Type!.HasPlaces, f.Capacity is not null);
            Assert.NotEmpty(f.OpeningHours);
            Assert.NotEmpty(f.Operator);
        });
        Assert.All(facilities.Where(f => f.TypeCode == "elderly"), f => Assert.InRange(f.Capacity!.Value, 10, 40));
        Assert.All(facilities.Where(f => f.TypeCode == "childcare"), f => Assert.InRange(f.Capacity!.Value, 20, 80));
        Assert.All(FacilityType.Seed, s => Assert.All(facilities.Where(f => f.TypeCode == s.Type.Code),
            f => Assert.InRange(f.FloorArea, s.FloorArea * 0.6, s.FloorArea * 1.4)));
        Assert.Contains(facilities, f => f.Name.EndsWith("阳光老人家", StringComparison.Ordinal));
        Assert.Equal(facilities.Count, facilities.Select(f => f.Name).Distinct().Count());
        Assert.True(facilities.Where(f => f.TypeCode == "elderly").Select(f => f.GridCode).Distinct().Count() < grids, "some grids have no elderly station");
    }

    [Fact]
    public void DistrictScaleKeepsTheReportsCountsAndSmallerDistrictsKeepAtLeastOneOfEach()
    {
        Assert.All(FacilityType.Seed, s => Assert.Equal(s.DistrictCount, DemoFacilityPlan.CountFor(s.DistrictCount, 18, 18)));
        Assert.Equal(162, DemoFacilityPlan.CountFor(162, DemoScale.District.Streets, DemoScale.District.Streets));
        Assert.Equal(1, DemoFacilityPlan.CountFor(18, 1, 18));
        Assert.Equal(1, DemoFacilityPlan.CountFor(1, 2, 18));
    }

    [Fact]
    public void ThePlanIsTheSameForTheSameSeed()
    {
        var sites = Enumerable.Range(0, 200).Select(i => new FacilitySite(
            $"330105001001{i % 10:D3}", $"测试路{i}号", 30.30 + (i % 20 * 0.002), 120.12 + (i / 20 * 0.002), i % 17 == 0, "德胜社区", "小河街道")).ToList();
        var type = FacilityType.Seed[0].Type;

        var first = new DemoFacilityPlan(sites, 7).Place(type, 12, 300, 1).ToList();
        var second = new DemoFacilityPlan(sites, 7).Place(type, 12, 300, 1).ToList();

        Assert.Equal(first, second);
        Assert.Equal(12, first.Select(f => f.Site).Distinct().Count());
        Assert.All(first, f => Assert.False(f.Site.IsOffice));
    }
}
