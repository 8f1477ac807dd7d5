using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.LifeEvents;
using CivicGrid.App.PublicServices.Offers;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.PublicServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Hosting;

/// <summary>The service sweep runs on every node; whichever nodes sweep at once, each thing is done exactly once.</summary>
public class SweepsAcrossNodesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime);

    /// <summary>One pass of the service watch's first two steps; a pass that loses a race to another node fails, as it does in the watch.</summary>
    private static Task<int> SweepAsync(CivicGridFactory node) => node.AsSystemAsync(async sp =>
    {
        try
        {
            var events = await sp.GetRequiredService<DeriveLifeEventsHandler>().HandleAsync(new DeriveLifeEvents(), CancellationToken.None);
            return events + (await sp.GetRequiredService<SweepOffersHandler>().HandleAsync(new SweepOffers(), CancellationToken.None)).Offers;
        }
        catch (DbUpdateException)
        {
            return 0;
        }
    });

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwoNodesSweepingAtOnceDeriveEachBirthdayAndMakeEachOfferOnce(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = await CivicGridFactory.StartAsync(database);
        await using var second = CivicGridFactory.Attach(database);
        var grid = (await first.GridsAsync())[0].Code;
        var worker = await first.CreateClientAsync(StaffRole.GridWorker, grid);
        var id = (await ServiceKit.RegisterAsync(worker, await first.HouseholdAsync(grid), Today.AddYears(-80).AddDays(-2), "周奶奶")).GetProperty("residentId").GetInt32();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SweepAsync(i % 2 == 0 ? first : second)));
        var left = await SweepAsync(first) + await SweepAsync(second);

        var (events, offers, distinct) = await second.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var mine = await db.ServiceEnrolments.Where(e => e.ResidentId == id).Select(e => e.ServiceItemId).ToListAsync();
            return (await db.LifeEvents.CountAsync(e => e.ResidentId == id && e.Kind == LifeEventKind.Turned80), mine.Count, mine.Distinct().Count());
        });
        Assert.Equal(0, left);
        Assert.Equal(1, events);
        Assert.True(offers > 0, "the new 80-year-old is offered the services their age opens");
        Assert.Equal(distinct, offers);
    }
}
