using CivicGrid.App.Access;
using CivicGrid.App.People;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.People;

/// <summary>Resident search by name, part of a name and address, through the trigram indexes and the name prefix.</summary>
public class ResidentSearchTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FindsByFullNamePartOfANameAndPartOfTheAddress(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int id;
        string address;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var resident = await system.Db.Residents.Include(r => r.Household).Where(r => r.Household != null).OrderBy(r => r.Id).FirstAsync();
            resident.Name = "欧阳明轩";
            await system.Db.SaveChangesAsync();
            (id, address) = (resident.Id, resident.Household!.Address);
        }
        await using var scope = app.Scope(new SystemJurisdiction());
        var search = scope.Get<SearchResidentsHandler>();

        foreach (var text in new[] { "欧阳明轩", "阳明轩", "明轩", "欧阳", "欧", address, address[^4..], address[1..4] })
        {
            var found = await AllAsync(search, text);
            if (text is "明轩")
            {
                // Two characters match names that start with them, not names that hold them further on.
                Assert.DoesNotContain(found, r => r.Id == id);
                continue;
            }
            Assert.Contains(found, r => r.Id == id);
            Assert.All(found, r => Assert.True(r.Name.Contains(text, StringComparison.Ordinal) || r.Address!.Contains(text, StringComparison.Ordinal), $"{text}: {r.Name} {r.Address}"));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OneOrTwoCharactersFindEveryNameStartingWithThemPagedInNameOrder(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction());
        var names = await scope.Db.Residents.Select(r => r.Name).ToListAsync();
        var surname = names.GroupBy(n => n[..1]).OrderByDescending(g => g.Count()).First().Key;
        var twoCharacters = names.Where(n => n.Length >= 3 && n.StartsWith(surname, StringComparison.Ordinal)).Select(n => n[..2]).First();
        var search = scope.Get<SearchResidentsHandler>();

        foreach (var text in new[] { surname, twoCharacters })
        {
            var expected = names.Count(n => n.StartsWith(text, StringComparison.Ordinal));
            var first = await search.HandleAsync(new SearchResidents(text, PageSize: 5), default);
            Assert.Equal(expected, first.Total);
            Assert.InRange(first.Items.Count, 1, 5);
            var all = await AllAsync(search, text);
            Assert.Equal(expected, all.Count);
            Assert.All(all, r => Assert.StartsWith(text, r.Name, StringComparison.Ordinal));
            Assert.Equal(all.Select(r => r.Name).Order(StringComparer.Ordinal), all.Select(r => r.Name));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APartOfTheAddressesOfManyHouseholdsFindsAllTheirResidentsPagedInNameOrder(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, Core.Demo.DemoScale.Small);
        await using var scope = app.Scope(new SystemJurisdiction());
        var residents = await scope.Db.Residents.Select(r => new { r.Id, r.Name, Address = r.Household != null ? r.Household.Address : "" }).ToListAsync();
        var households = await scope.Db.Households.Select(h => h.Address).ToListAsync();
        var road = households.SelectMany(a => Enumerable.Range(0, a.Length - 2).Select(i => a.Substring(i, 3)).Distinct())
            .GroupBy(part => part).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.True(road.Count() > ResidentTextSearch.BroadAddress, $"{road.Key} is in {road.Count()} addresses");
        var expected = residents.Where(r => r.Name.Contains(road.Key, StringComparison.Ordinal) || r.Address.Contains(road.Key, StringComparison.Ordinal))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id).ToList();

        var first = await scope.Get<SearchResidentsHandler>().HandleAsync(new SearchResidents(road.Key, PageSize: 50), default);
        var second = await scope.Get<SearchResidentsHandler>().HandleAsync(new SearchResidents(road.Key, PageNumber: 2, PageSize: 50), default);

        Assert.Equal(Math.Min(expected.Count, App.Data.PageCounting.TextSearchLimit), first.Total);
        Assert.Equal(expected.Count > App.Data.PageCounting.TextSearchLimit, first.TotalIsLowerBound);
        Assert.Equal(expected.Take(100), first.Items.Concat(second.Items).Select(r => r.Id));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NamesAndAddressesWrittenLaterAreFoundAndTheOldOnesNoLonger(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int id;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var resident = await system.Db.Residents.Include(r => r.Household).Where(r => r.Household != null).OrderBy(r => r.Id).FirstAsync();
            resident.Name = "司马长风";
            resident.Household!.Address = "拱墅区测试路甲一号";
            await system.Db.SaveChangesAsync();
            id = resident.Id;
        }
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var resident = await system.Db.Residents.Include(r => r.Household).SingleAsync(r => r.Id == id);
            resident.Name = "端木长空";
            resident.Household!.Address = "拱墅区测试路乙二号";
            await system.Db.SaveChangesAsync();
        }
        await using var scope = app.Scope(new SystemJurisdiction());
        var search = scope.Get<SearchResidentsHandler>();

        Assert.Empty(await AllAsync(search, "马长风"));
        Assert.Empty(await AllAsync(search, "测试路甲"));
        Assert.Contains(await AllAsync(search, "木长空"), r => r.Id == id);
        Assert.Contains(await AllAsync(search, "测试路乙"), r => r.Id == id);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NoTermFindsResidentsOutsideTheAccountsGrid(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        Core.People.Resident outsider;
        string grid;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            grid = await system.Db.TerritoryNodes.Where(n => n.Code.Length == 15).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            outsider = await system.Db.Residents.Include(r => r.Household).Where(r => r.GridCode != grid && r.Household != null).OrderBy(r => r.Id).FirstAsync();
        }
        await using var worker = app.Scope(new AccountJurisdiction(grid, StaffRole.GridWorker, "w", null));
        var search = worker.Get<SearchResidentsHandler>();
        var address = outsider.Household!.Address;

        var seen = 0;
        foreach (var text in new[] { outsider.Name, outsider.Name[..1], address, address[^4..], address[..3] })
        {
            var found = await AllAsync(search, text);
            Assert.DoesNotContain(found, r => r.Id == outsider.Id);
            Assert.All(found, r => Assert.Equal(grid, r.GridCode));
            seen += found.Count;
        }
        Assert.True(seen > 0, "the grid's own residents share a surname or a street with the outsider");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachRowOfAPageCarriesItsOwnResidentsTagsInTagOrder(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        List<int> ids;
        List<string> tags;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var first = await system.Db.Residents.Include(r => r.Tags).OrderBy(r => r.Name).ThenBy(r => r.Id).Take(3).ToListAsync();
            var some = await system.Db.Tags.OrderBy(t => t.Id).Take(3).ToListAsync();
            first[0].Tags = [some[2], some[0]];
            first[1].Tags = [some[1]];
            first[2].Tags = [];
            await system.Db.SaveChangesAsync();
            (ids, tags) = (first.ConvertAll(r => r.Id), some.ConvertAll(t => t.Name));
        }
        await using var scope = app.Scope(new SystemJurisdiction());

        var page = await scope.Get<SearchResidentsHandler>().HandleAsync(new SearchResidents(PageSize: 3), default);

        Assert.Equal(ids, page.Items.Select(r => r.Id));
        Assert.Equal(new List<string>[] { [tags[0], tags[2]], [tags[1]], [] }, page.Items.Select(r => r.Tags.ToList()));
    }

    private static async Task<List<ResidentRow>> AllAsync(SearchResidentsHandler search, string text)
    {
        var rows = new List<ResidentRow>();
        await foreach (var row in search.StreamAsync(new SearchResidents(text)))
        {
            rows.Add(row);
        }
        return rows;
    }
}
