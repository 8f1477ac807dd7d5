using CivicGrid.App.Access;
using CivicGrid.App.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

/// <summary>The tiny district's enterprise lists, and the street of its one business community and a street without it.</summary>
internal static class DemoEnterpriseLists
{
    public static async Task<(string Street, string OtherStreet)> SeedAsync(AppHarness app, int needs)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        await system.Get<SeedDemoEnterpriseListsHandler>().HandleAsync(new SeedDemoEnterpriseLists(needs), CancellationToken.None);
        var street = (await system.Db.BusinessCommunities.AsNoTracking().SingleAsync()).StreetCode;
        return (street, street[..^1] + (street[^1] == '1' ? '2' : '1'));
    }
}
