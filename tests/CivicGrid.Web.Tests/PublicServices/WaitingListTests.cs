using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.PublicServices;

/// <summary>Waiting lists do not sit idle beside free places: the system allocates without anyone pressing a button.</summary>
public class WaitingListTests
{
    /// <summary>Only this test's applicants wait for beds, and only the facility given offers them.</summary>
    private static async Task<(int Service, int Facility, int[] Residents)> WaitingForBedsAsync(CivicGridFactory site, string grid, int capacity)
    {
        var beds = await site.ServiceIdAsync("S03");
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            await db.ServiceEnrolments.Where(e => e.ServiceItemId == beds).ExecuteDeleteAsync();
            (await db.ServiceItems.Include(s => s.Facilities).SingleAsync(s => s.Id == beds)).Facilities.Clear();
            return await db.SaveChangesAsync();
        });
        var facility = await site.FacilityAsync(grid, "elderly", capacity, "S03");
        var residents = await site.AsSystemAsync(async sp =>
        {
            // Joined the list long ago, as the demo's seeded lists did, without anything allocating since.
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var ids = await db.Residents.Where(r => r.GridCode == grid && r.HouseholdId != null && r.DepartedOn == null).OrderBy(r => r.Id).Take(2).Select(r => r.Id).ToArrayAsync();
            var joined = site.Clock.GetUtcNow().UtcDateTime.AddDays(-80);
            foreach (var id in ids)
            {
                var enrolment = ServiceEnrolment.Offer(beds, id, grid, EnrolmentSource.Application, joined);
                Assert.Null(enrolment.Apply(new EnrolmentMove(EnrolmentMoveKind.Accept), true, "居民", joined));
                db.ServiceEnrolments.Add(enrolment);
            }
            await db.SaveChangesAsync();
            return ids;
        });
        return (beds, facility, residents);
    }

    private static Task<List<EnrolmentStatus>> StatusesAsync(CivicGridFactory site, int service) => site.AsSystemAsync(sp =>
        sp.GetRequiredService<CivicGridDbContext>().ServiceEnrolments.Where(e => e.ServiceItemId == service).OrderBy(e => e.ResidentId).Select(e => e.Status).ToListAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheServiceSweepPlacesAListThatWaitsBesideFreePlaces(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var (beds, _, _) = await WaitingForBedsAsync(site, grid, capacity: 5);
        var before = await StatusesAsync(site, beds);

        var placed = await site.AsSystemAsync(sp => sp.GetRequiredService<AllocateWaitingListsHandler>().HandleAsync(new AllocateWaitingLists(), CancellationToken.None));

        Assert.Equal([EnrolmentStatus.Waiting, EnrolmentStatus.Waiting], before);
        Assert.True(placed >= 2, $"{placed} placed");
        Assert.Equal([EnrolmentStatus.Enrolled, EnrolmentStatus.Enrolled], await StatusesAsync(site, beds));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PlacesAddedToAFacilityGoToTheWaitingListAtOnce(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var grid = grids[0];
        var (beds, facility, _) = await WaitingForBedsAsync(site, grid.Code, capacity: 1);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var saved = await admin.PutAsJsonAsync($"/api/facilities/{facility}", new FacilitiesApiTests.FacilityBody(
            "阳光老人家", "elderly", grid.Code, "测试路2号", grid.Latitude, grid.Longitude, 300, 2, "08:00-17:00", "社区", ["S03"]));

        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal([EnrolmentStatus.Enrolled, EnrolmentStatus.Enrolled], await StatusesAsync(site, beds));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwoNodesAllocatingAtOnceNeverGiveOnePlaceTwice(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = await CivicGridFactory.StartAsync(database);
        await using var second = CivicGridFactory.Attach(database);
        var grid = (await first.GridsAsync())[0].Code;
        var (beds, facility, _) = await WaitingForBedsAsync(first, grid, capacity: 1);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).AsSystemAsync(sp =>
            sp.GetRequiredService<WaitingList>().AllocateAsync(beds, CancellationToken.None))));

        var held = await second.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().ServiceEnrolments
            .CountAsync(e => e.FacilityId == facility && e.Status == EnrolmentStatus.Enrolled));
        Assert.Equal(1, held);
        Assert.Equal([EnrolmentStatus.Waiting, EnrolmentStatus.Enrolled], (await StatusesAsync(second, beds)).Order());
    }
}
