using CivicGrid.App.Access;
using CivicGrid.App.Demo;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Dashboard;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

public class BusinessCommunityDashboardTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDemoListsAreWrittenOnceAndOffersHoldExactlyWhatTheirNeedsHold(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());

        Assert.Equal(300, await system.Get<SeedDemoEnterpriseListsHandler>().HandleAsync(new SeedDemoEnterpriseLists(300), None));
        Assert.Equal(0, await system.Get<SeedDemoEnterpriseListsHandler>().HandleAsync(new SeedDemoEnterpriseLists(300), None));

        var needs = await system.Db.EnterpriseNeeds.AsNoTracking().Include(n => n.Timeline).ToListAsync();
        var offers = await system.Db.CommunityOffers.AsNoTracking().ToListAsync();
        Assert.Equal(300, needs.Count);
        Assert.Equal(10, offers.Count);
        Assert.Equal([NeedStatus.Raised, NeedStatus.Matched, NeedStatus.Resolved, NeedStatus.Rated, NeedStatus.Withdrawn], needs.Select(n => n.Status).Distinct().Order());
        foreach (var offer in offers)
        {
            var holding = needs.Where(n => n.OfferId == offer.Id && n.Status != NeedStatus.Withdrawn).ToList();
            Assert.Equal(holding.Sum(n => n.HeldPlaces), offer.PlacesTaken);
            Assert.Equal(holding.Sum(n => n.HeldAmount.Fen), offer.CreditTaken.Fen);
            Assert.True(offer.PlacesLeft is null or >= 0, offer.Name);
            Assert.True(offer.CreditLeft is null || offer.CreditLeft >= Money.Zero, offer.Name);
        }
        Assert.All(needs, n => Assert.Equal(n.Version, n.Timeline.Count));
        Assert.Equal(["financing"], offers.Single(o => o.Kind == OfferKind.CreditLine).CategoryCodes);
        Assert.True(await system.Db.EmployeeWishes.CountAsync() >= 40);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDashboardCountsEachCommunitysNeedsCreditAndWishesAsStored(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        await system.Get<SeedDemoEnterpriseListsHandler>().HandleAsync(new SeedDemoEnterpriseLists(300), None);
        var needs = await system.Db.EnterpriseNeeds.AsNoTracking().ToListAsync();
        var community = await system.Db.BusinessCommunities.AsNoTracking().SingleAsync();

        var dashboard = await system.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None);

        var row = Assert.Single(dashboard.Communities);
        Assert.Equal(community.Id, row.Id);
        var firms = await system.Db.Enterprises.AsNoTracking().Where(e => e.Building!.BusinessCommunityId == community.Id).ToListAsync();
        Assert.Equal((firms.Count, firms.Count(e => e.IsKeyTaxSource)), (row.Enterprises.Count, row.Enterprises.KeyTaxSources));
        var resolved = needs.Where(n => n.ResolvedAt is not null).Select(n => n.TimeToResolve!.Value.TotalDays).Order().ToList();
        var median = (resolved[(resolved.Count - 1) / 2] + resolved[resolved.Count / 2]) / 2;
        Assert.Equal(new NeedFigures(300, needs.Count(n => n.MatchedAt is not null), resolved.Count, needs.Count(n => n.IsOpen),
            needs.Count(n => n.Status == NeedStatus.Withdrawn), Math.Round(resolved.Average(), 1), Math.Round(median, 1)), row.Needs);
        // One community's share of the reports' lines: 10 million yuan, of which 2.66 million lent.
        Assert.Equal(Money.TenThousandYuan(1_000), row.Credit.Lines);
        Assert.Equal(Money.TenThousandYuan(266), row.Credit.Granted);
        Assert.Equal(needs.Where(n => n.GrantedAmount is not null).Sum(n => n.GrantedAmount!.Value.Fen), row.Credit.Granted.Fen);
        Assert.Equal(needs.Where(n => n.IsOpen && n.HeldAmount.IsPositive).Sum(n => n.HeldAmount.Fen), row.Credit.Held.Fen);
        Assert.Equal(row.Needs.Open, row.OpenNeedsByCategory.Sum(c => c.Count));
        Assert.Contains(row.OpenNeedsByCategory, c => c is { Code: "financing", Name: "融资" });
        Assert.Equal(await system.Db.EmployeeWishes.CountAsync(), row.WishesByTheme.Sum(t => t.Count));
        Assert.Contains(row.WishesByTheme, t => t is { Code: "lunch", Name: "午间餐饮" });
        Assert.Equal(row.WishesByTheme.Select(t => t.Count).OrderDescending(), row.WishesByTheme.Select(t => t.Count));
        Assert.Equal((row.Enterprises, row.Needs, row.Credit), (dashboard.Total.Enterprises, dashboard.Total.Needs, dashboard.Total.Credit));
        Assert.Equal(row.OpenNeedsByCategory, dashboard.Total.OpenNeedsByCategory);
        Assert.Equal(row.WishesByTheme, dashboard.Total.WishesByTheme);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetOfficialSeesOnlyTheBusinessCommunitiesOfTheStreet(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (street, otherStreet) = await DemoEnterpriseLists.SeedAsync(app, 100);

        await using var own = app.Scope(new AccountJurisdiction(street, StaffRole.StreetOfficial, "街道干部", null));
        await using var other = app.Scope(new AccountJurisdiction(otherStreet, StaffRole.StreetOfficial, "街道干部", null));
        var seen = await own.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None);
        var unseen = await other.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None);

        Assert.Equal(100, Assert.Single(seen.Communities).Needs.Raised);
        Assert.Empty(unseen.Communities);
        Assert.Equal((0, 0, Money.Zero, 0), (unseen.Total.Needs.Raised, unseen.Total.Enterprises.Count, unseen.Total.Credit.Lines, unseen.Total.WishesByTheme.Count));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheShareOfKeyTaxFirmsInBusinessCommunitiesIsExactForTheStreetAndTheDistrict(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string street;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var community = await system.Db.BusinessCommunities.AsNoTracking().SingleAsync();
            street = community.StreetCode;
            var farGrid = await system.Db.TerritoryNodes.Where(n => n.Level == Core.Territory.TerritoryLevel.Grid && !n.Code.StartsWith(street))
                .OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            await system.Db.Enterprises.ExecuteUpdateAsync(s => s.SetProperty(e => e.IsKeyTaxSource, false));
            var firms = await system.Db.Enterprises.OrderBy(e => e.Id).Take(10).ToListAsync();
            foreach (var (firm, i) in firms.Select((f, i) => (f, i)))
            {
                // 0–2 key-tax in the community, 3 key-tax in the street outside any community, 4–5 key-tax in another
                // street, 6–9 not key-tax.
                firm.IsKeyTaxSource = i < 6;
                (firm.BuildingId, firm.GridCode) = i switch { 3 => (null, firm.GridCode), 4 or 5 => (null, farGrid), _ => (firm.BuildingId, firm.GridCode) };
            }
            await system.Db.SaveChangesAsync();
        }
        await using var official = app.Scope(new AccountJurisdiction(street, StaffRole.StreetOfficial, "街道干部", null));
        await using var admin = app.Scope(new AccountJurisdiction(street[..6], StaffRole.DistrictAdmin, "区管理员", null));

        var streetReach = (await official.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None)).KeyTaxReach;
        var districtReach = (await admin.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None)).KeyTaxReach;

        Assert.Equal(new KeyTaxReach(3, 4), streetReach);
        Assert.Equal(0.75, streetReach.Share);
        Assert.Equal(new KeyTaxReach(3, 6), districtReach);
        Assert.Equal(0.5, districtReach.Share);
    }
}
