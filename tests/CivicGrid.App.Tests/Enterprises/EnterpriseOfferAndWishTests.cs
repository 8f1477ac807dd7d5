using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.App.Enterprises.Wishes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

public class EnterpriseOfferAndWishTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnOfferIsCheckedFieldByFieldAndListedByCategory(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        var save = system.Get<SaveOfferHandler>();

        var bad = await save.HandleAsync(new SaveOffer(null, " ", "", OfferKind.CreditLine, ["financing", "nope"], Places: -1), None);
        var good = await save.HandleAsync(new SaveOffer(null, "普惠贷", "杭州银行", OfferKind.CreditLine, ["financing"], CreditLine: Money.TenThousandYuan(300)), None);

        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Equal(["categoryCodes", "creditLine", "name", "places", "provider"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(OutcomeKind.Ok, good.Kind);
        var listed = await system.Get<ListOffersHandler>().HandleAsync(new ListOffers(CategoryCode: "financing"), None);
        Assert.Equal([good.Value!.Id], listed.Items.Select(o => o.Id));
        Assert.Empty((await system.Get<ListOffersHandler>().HandleAsync(new ListOffers(CategoryCode: "space"), None)).Items);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task WishesAreCountedPerBuildingAndBusinessCommunity(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int building, community;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var office = await system.Db.Buildings.Where(b => b.BusinessCommunityId != null).OrderBy(b => b.Id).FirstAsync();
            (building, community) = (office.Id, office.BusinessCommunityId!.Value);
        }
        await using (var anyone = app.Scope(new CurrentJurisdiction()))
        {
            var state = anyone.Get<StateWishHandler>();
            Assert.Equal(OutcomeKind.Ok, (await state.HandleAsync(new StateWish(building, "lunch", "希望有平价午餐，电话13812345678"), None)).Kind);
            Assert.Equal(OutcomeKind.Ok, (await state.HandleAsync(new StateWish(building, "lunch"), None)).Kind);
            Assert.Equal(OutcomeKind.Ok, (await state.HandleAsync(new StateWish(building, "sports"), None)).Kind);
            Assert.True((await state.HandleAsync(new StateWish(building, "nope"), None)).Errors.ContainsKey("themeCode"));
        }

        await using var check = app.Scope(new SystemJurisdiction());
        var counts = await check.Get<WishCountsHandler>().HandleAsync(new WishCounts(), None);
        Assert.Equal([(building, "lunch", 2), (building, "sports", 1)], counts.PerBuilding.Select(c => (c.PlaceId, c.ThemeCode, c.Count)));
        Assert.Equal([(community, "lunch", 2), (community, "sports", 1)], counts.PerBusinessCommunity.Select(c => (c.PlaceId, c.ThemeCode, c.Count)));
        Assert.DoesNotContain(await check.Db.EmployeeWishes.Select(w => w.Text).ToListAsync(), t => t != null && t.Contains("13812345678", StringComparison.Ordinal));
    }
}
