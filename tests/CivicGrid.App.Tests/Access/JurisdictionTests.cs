using CivicGrid.App.Access;
using CivicGrid.App.People;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Access;

public class JurisdictionTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryQueryIsFilteredToTheAccountsSubtree(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string grid, community;
        int total;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            grid = await system.Db.TerritoryNodes.Where(n => n.Code.Length == 15).OrderBy(n => n.Code).Select(n => n.Code).LastAsync();
            community = grid[..12];
            total = await system.Db.Residents.CountAsync();
        }

        await using var worker = app.Scope(new AccountJurisdiction(grid, StaffRole.GridWorker, "w", null));
        await using var staff = app.Scope(new AccountJurisdiction(community, StaffRole.CommunityStaff, "c", null));
        await using var nobody = app.Scope(new CurrentJurisdiction());

        var inGrid = await worker.Db.Residents.CountAsync();
        Assert.InRange(inGrid, 1, total - 1);
        Assert.All(await worker.Db.Residents.Select(r => r.GridCode).Distinct().ToListAsync(), c => Assert.Equal(grid, c));
        Assert.All(await worker.Db.Households.Select(h => h.GridCode).ToListAsync(), c => Assert.Equal(grid, c));
        Assert.InRange(await staff.Db.Residents.CountAsync(), inGrid + 1, total - 1);
        Assert.Equal(0, await nobody.Db.Residents.CountAsync());
        Assert.Equal(0, await nobody.Db.TerritoryNodes.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SearchingByNameOrIdDigitsNeverFindsAnotherGridsPeople(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        Core.People.Resident outsider;
        string grid;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            grid = await system.Db.TerritoryNodes.Where(n => n.Code.Length == 15).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            outsider = await system.Db.Residents.Where(r => r.GridCode != grid).OrderBy(r => r.Id).FirstAsync();
        }
        await using var worker = app.Scope(new AccountJurisdiction(grid, StaffRole.GridWorker, "w", null));
        var search = worker.Get<SearchResidentsHandler>();

        Assert.DoesNotContain((await search.HandleAsync(new SearchResidents(outsider.Name), default)).Items, r => r.Id == outsider.Id);
        Assert.DoesNotContain((await search.HandleAsync(new SearchResidents(outsider.IdLast4), default)).Items, r => r.Id == outsider.Id);
        Assert.Null(await worker.Get<GetResidentHandler>().HandleAsync(new GetResident(outsider.Id), default));
        var update = await worker.Get<UpdateResidentHandler>().HandleAsync(new UpdateResident(outsider.Id, null, "户籍", null, []), default);
        Assert.Equal(App.Data.OutcomeKind.NotFound, update.Kind);
    }
}
