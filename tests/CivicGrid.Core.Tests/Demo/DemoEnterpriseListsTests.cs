using CivicGrid.Core.Demo.Enterprises;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Enterprises.Wishes;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Tests.Demo;

public class DemoEnterpriseListsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static DemoEnterpriseListRows Generate(int needs)
    {
        var communities = Enumerable.Range(1, 3).Select(i => new BusinessCommunity { Id = i, Name = $"商务社区{i}", StreetCode = "330105001" }).ToList();
        var buildings = Enumerable.Range(1, 6).Select(i => new Building
        {
            Id = i, Code = $"B{i}", Name = $"大厦{i}", Address = "", GridCode = "330105001001001", Latitude = 30.3 + i * 0.001, Longitude = 120.15,
            BusinessCommunityId = (i % 3) + 1,
        }).ToList();
        var random = new Random(5);
        var firms = Enumerable.Range(1, 300).Select(i => new Enterprise
        {
            Id = i, Name = $"企业{i}", CreditCode = $"{i}", GridCode = "330105001001001", Industry = "信息技术", RegisteredAddress = "", OfficeAddress = "",
            BuildingId = (i % 6) + 1, EmployeeCount = random.Next(1, 500), IsKeyTaxSource = i % 9 == 0,
        }).ToList();
        return new DemoEnterpriseLists(communities, buildings, firms, StandardNeedCategories.All(), StandardWishThemes.All())
            .Generate(needs, Now, new DemoListIds(1, 1, 1, 1));
    }

    [Fact]
    public void TheListsAreTheSameEveryRunAndEveryOfferHoldsWhatItsNeedsHoldWithinItsCapacity()
    {
        var lists = Generate(2_000);
        var again = Generate(2_000);

        Assert.Equal(lists.Needs.Select(n => (n.Id, n.Status, n.OfferId, n.GrantedAmount, n.ResolvedAt)), again.Needs.Select(n => (n.Id, n.Status, n.OfferId, n.GrantedAmount, n.ResolvedAt)));
        Assert.Equal(30, lists.Offers.Count);
        foreach (var offer in lists.Offers)
        {
            var holding = lists.Needs.Where(n => n.OfferId == offer.Id).ToList();
            Assert.Equal((holding.Sum(n => n.HeldPlaces), holding.Sum(n => n.HeldAmount.Fen)), (offer.PlacesTaken, offer.CreditTaken.Fen));
            Assert.True(offer.PlacesLeft is null or >= 0 && (offer.CreditLeft ?? Money.Zero) >= Money.Zero, offer.Name);
        }
        Assert.Equal(Enumerable.Range(1, 2_000), lists.Needs.Select(n => n.Id));
        Assert.All(lists.Timeline, e => Assert.True(e.At <= Now && e.NeedId > 0));
        Assert.Equal(lists.Timeline.Count(), lists.Timeline.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void LoansAddUpToTheReportsEightyMillionInProportionAndNeedsAreInEveryState()
    {
        var lists = Generate(2_000);

        // Three of thirty communities: a tenth of the 300 million line and of the 80 million lent.
        var lines = lists.Offers.Where(o => o.Kind == OfferKind.CreditLine).ToList();
        Assert.Equal(Money.TenThousandYuan(3_000), lines.Aggregate(Money.Zero, (sum, o) => sum + o.CreditLine!.Value));
        var loans = lists.Needs.Where(n => n.GrantedAmount is { IsPositive: true }).ToList();
        Assert.Equal(2, loans.Count);
        Assert.Equal(Money.TenThousandYuan(800), loans.Aggregate(Money.Zero, (sum, n) => sum + n.GrantedAmount!.Value));
        Assert.Equal([NeedStatus.Raised, NeedStatus.Matched, NeedStatus.Resolved, NeedStatus.Rated, NeedStatus.Withdrawn], lists.Needs.Select(n => n.Status).Distinct().Order());
        Assert.InRange(lists.Needs.Count(n => n.Status is NeedStatus.Resolved or NeedStatus.Rated), 1_000, 1_800);
        Assert.Equal(StandardNeedCategories.All().Select(c => c.Code).Order(), lists.Needs.Select(n => n.CategoryCode).Distinct().Order());
        Assert.InRange(lists.Wishes.Count, 60, 360);
    }
}
