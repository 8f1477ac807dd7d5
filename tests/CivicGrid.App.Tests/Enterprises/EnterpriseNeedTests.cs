using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

public class EnterpriseNeedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFinancingNeedIsMatchedToACreditLineResolvedWithItsLoanAndRated(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, grid) = await FirmAsync(app, 0);
        var line = await OfferAsync(app, OfferKind.CreditLine, StandardNeedCategories.Financing, creditLine: Money.TenThousandYuan(1_000));
        await using var staff = app.Scope(new AccountJurisdiction(grid[..9], StaffRole.StreetOfficial, "街道干部", null));

        var need = await Ok(staff.Get<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm, StandardNeedCategories.Financing, "流动资金周转", Amount: Money.TenThousandYuan(500)), None));
        var matched = await Ok(staff.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(need.Id, line), None));
        Assert.Equal(Money.TenThousandYuan(500), matched.HeldAmount);
        await Ok(staff.Get<RecordOutcomeHandler>().HandleAsync(
            new RecordOutcome(need.Id, NeedOutcome.Met, "银行已放款", Money.TenThousandYuan(400)), None));
        var rated = await Ok(staff.Get<RateNeedHandler>().HandleAsync(new RateNeed(need.Id, NeedRating.Satisfied), None));

        Assert.Equal(NeedStatus.Rated, rated.Status);
        await using var check = app.Scope(new SystemJurisdiction());
        var offer = await check.Db.CommunityOffers.AsNoTracking().SingleAsync(o => o.Id == line);
        Assert.Equal(Money.TenThousandYuan(400), offer.CreditTaken);
        Assert.Equal(Money.TenThousandYuan(600), offer.CreditLeft);
        var timeline = await check.Db.NeedEvents.Where(e => e.NeedId == need.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([NeedAction.Raise, NeedAction.Match, NeedAction.RecordOutcome, NeedAction.Rate], timeline);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AMatchOverWhatIsLeftIsRefusedAndChangesNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, grid) = await FirmAsync(app, 0);
        var space = await OfferAsync(app, OfferKind.Space, StandardNeedCategories.Space, places: 1);
        await using var staff = app.Scope(new AccountJurisdiction(grid[..9], StaffRole.StreetOfficial, "街道干部", null));
        var need = await Ok(staff.Get<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm, StandardNeedCategories.Space, "需要两个工位", Quantity: 2), None));

        var match = await staff.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(need.Id, space), None);

        Assert.Equal(OutcomeKind.Invalid, match.Kind);
        Assert.Contains("剩余名额 1 个", match.Errors[""][0], StringComparison.Ordinal);
        await using var check = app.Scope(new SystemJurisdiction());
        var offer = await check.Db.CommunityOffers.AsNoTracking().SingleAsync(o => o.Id == space);
        Assert.Equal((0, 1), (offer.PlacesTaken, offer.Version));
        var stored = await check.Db.EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == need.Id);
        Assert.Equal((NeedStatus.Raised, (int?)null), (stored.Status, stored.OfferId));
        Assert.Equal(1, await check.Db.NeedEvents.CountAsync(e => e.NeedId == need.Id));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ANeedOfAnEnterpriseOutsideTheJurisdictionIsRefused(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, grid) = await FirmAsync(app, 0);
        string otherGrid;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            otherGrid = await system.Db.TerritoryNodes.Where(n => n.Code.Length == 15 && !grid.StartsWith(n.Code.Substring(0, 12)))
                .Select(n => n.Code).FirstAsync();
        }
        await using var worker = app.Scope(new AccountJurisdiction(otherGrid, StaffRole.GridWorker, "网格员", null));

        var raised = await worker.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(firm, StandardNeedCategories.Policy, "申报补贴"), None);

        Assert.Equal(OutcomeKind.Invalid, raised.Kind);
        Assert.True(raised.Errors.ContainsKey("enterpriseId"));
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(0, await check.Db.EnterpriseNeeds.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OfTwoMatchesOnTheLastPlaceExactlyOneSucceeds(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (first, _) = await FirmAsync(app, 0);
        var (second, _) = await FirmAsync(app, 1);
        var course = await OfferAsync(app, OfferKind.Training, StandardNeedCategories.Hiring, places: 1);
        await using var a = app.Scope(new SystemJurisdiction("甲"));
        await using var b = app.Scope(new SystemJurisdiction("乙"));
        var needA = await Ok(a.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(first, StandardNeedCategories.Hiring, "会计培训"), None));
        var needB = await Ok(b.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(second, StandardNeedCategories.Hiring, "会计培训"), None));
        // B has read the offer while it still had its place, as a request that started first would have.
        _ = await b.Db.CommunityOffers.SingleAsync(o => o.Id == course);

        var won = await a.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(needA.Id, course), None);
        var lost = await b.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(needB.Id, course), None);

        Assert.Equal(OutcomeKind.Ok, won.Kind);
        Assert.Equal(OutcomeKind.Invalid, lost.Kind);
        Assert.Equal(NeedMover.Conflict, lost.Errors[""][0]);
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(1, (await check.Db.CommunityOffers.AsNoTracking().SingleAsync(o => o.Id == course)).PlacesTaken);
        var loser = await check.Db.EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == needB.Id);
        Assert.Equal((NeedStatus.Raised, (int?)null), (loser.Status, loser.OfferId));
        Assert.Equal(1, await check.Db.NeedEvents.CountAsync(e => e.NeedId == needB.Id));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ANumberTypedIntoANeedIsStoredMaskedAndTheNeedIsAudited(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, grid) = await FirmAsync(app, 0);
        const string typed = "招聘 5 名会计，联系电话13812345678";
        await using var staff = app.Scope(new AccountJurisdiction(grid, StaffRole.GridWorker, "网格员", null));

        var need = await Ok(staff.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(firm, StandardNeedCategories.Hiring, typed), None));

        await using var check = app.Scope(new SystemJurisdiction());
        var stored = await check.Db.EnterpriseNeeds.AsNoTracking().Where(n => n.Id == need.Id).Select(n => n.Description).SingleAsync();
        Assert.Equal(PersonalDataMask.InText(typed), stored);
        Assert.DoesNotContain("13812345678", stored, StringComparison.Ordinal);
        var key = need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.Db.AuditEntries.AnyAsync(e => e.Entity == "EnterpriseNeed" && e.EntityKey == key && e.Action == "create"));
    }

    /// <summary>The n-th demo enterprise that has an office building, and its grid.</summary>
    private static async Task<(int Id, string Grid)> FirmAsync(AppHarness app, int n)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var firm = await system.Db.Enterprises.Where(e => e.BuildingId != null).OrderBy(e => e.Id).Skip(n).FirstAsync();
        return (firm.Id, firm.GridCode);
    }

    private static async Task<int> OfferAsync(AppHarness app, OfferKind kind, string category, int? places = null, Money? creditLine = null)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var saved = await system.Get<SaveOfferHandler>().HandleAsync(
            new SaveOffer(null, $"{kind} 资源", "拱墅商务社区", kind, [category], Places: places, CreditLine: creditLine), None);
        return (await Ok(Task.FromResult(saved))).Id;
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
