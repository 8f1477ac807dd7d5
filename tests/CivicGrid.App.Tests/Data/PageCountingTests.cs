using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Data;

public class PageCountingTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACountStopsAtItsLimitAndSaysThereAreMore(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction());
        var residents = scope.Db.Residents.AsNoTracking();
        var all = await residents.CountAsync();

        Assert.Equal((all, false), await residents.CountUpToAsync(all, default));
        Assert.Equal((all - 1, true), await residents.CountUpToAsync(all - 1, default));
        Assert.Equal((all, false), await residents.CountUpToAsync(PageCounting.Limit, default));
    }

    [Fact]
    public void APageWhoseCountStoppedShortAlwaysHasANextPage()
    {
        Assert.Equal(500, new Page<int>([], 1, 20, PageCounting.Limit) { TotalIsLowerBound = true }.PageCount);
        Assert.Equal(701, new Page<int>([], 700, 20, PageCounting.Limit) { TotalIsLowerBound = true }.PageCount);
        Assert.Equal(500, new Page<int>([], 700, 20, PageCounting.Limit).PageCount);
    }
}
