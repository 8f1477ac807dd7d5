using System.Globalization;
using CivicGrid.App.Imports;

namespace CivicGrid.Browser.Tests.Accounts;

/// <summary>What the district's import files say: the first grid, how many residents it and the district hold, and an adult of it to sign up as.</summary>
internal sealed record FreshRegistry(string Grid, int InGrid, int Total, string ResidentName, string ResidentIdNumber)
{
    public static FreshRegistry Read(FreshSite site)
    {
        var buildings = site.Table("buildings.csv");
        var gridOfBuilding = Column(buildings, "楼栋编号").Zip(Column(buildings, "网格编码")).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var households = site.Table("households.csv");
        var gridOfHousehold = Column(households, "户编号").Zip(Column(households, "楼栋编号"))
            .ToDictionary(p => p.First, p => gridOfBuilding[p.Second], StringComparer.Ordinal);
        var residents = site.Table("residents.csv");
        var people = Column(residents, "姓名").Zip(Column(residents, "身份证号"), Column(residents, "户编号"))
            .Select(p => (Name: p.First, IdNumber: p.Second, Grid: gridOfHousehold[p.Third])).ToList();
        var grid = people.Select(p => p.Grid).Min(StringComparer.Ordinal)!;
        var adultBorn = TimeProvider.System.GetUtcNow().AddYears(-20).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var adult = people.First(p => p.Grid == grid && string.CompareOrdinal(p.IdNumber[6..14], adultBorn) < 0);
        return new FreshRegistry(grid, people.Count(p => p.Grid == grid), people.Count, adult.Name, adult.IdNumber);
    }

    private static IEnumerable<string> Column(TabularData table, string header)
    {
        var index = table.Headers.ToList().IndexOf(header);
        return table.Rows.Select(row => row[index]!);
    }
}
