using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

/// <summary>The enterprise roles in the one access model: what a contact, business-community staff and others may see and move.</summary>
public class EnterpriseAccessTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AContactSeesAndRaisesForItsOwnEnterpriseOnlyAndCannotMatch(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var firm = await FirmAsync(app);
        var line = await OfferAsync(app, null);
        await using var contact = app.Scope(Contact(firm));

        var visible = await contact.Db.Enterprises.Select(e => e.Id).ToListAsync();
        var need = await Ok(contact.Get<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm.Id, StandardNeedCategories.Financing, "流动资金", NeedSource.Staff, Money.TenThousandYuan(100)), None));
        var match = await contact.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(need.Id, line), None);
        var other = await contact.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(firm.Id + 1, StandardNeedCategories.Policy, "申报补贴"), None);

        Assert.Equal([firm.Id], visible);
        Assert.Empty(await contact.Db.Residents.ToListAsync());
        Assert.Equal(NeedSource.Enterprise, need.Source);
        Assert.Equal(OutcomeKind.Forbidden, match.Kind);
        Assert.Equal(OutcomeKind.Invalid, other.Kind);
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(NeedStatus.Raised, (await check.Db.EnterpriseNeeds.SingleAsync()).Status);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BusinessCommunityStaffSeeTheirStreetsEnterprisesButNoResidentAndMatch(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var firm = await FirmAsync(app);
        var line = await OfferAsync(app, firm.Community);
        await using var staff = app.Scope(Staff(firm));

        var enterprises = await staff.Db.Enterprises.Select(e => e.GridCode).ToListAsync();
        var need = await Ok(staff.Get<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm.Id, StandardNeedCategories.Financing, "设备贷款", NeedSource.Visit, Money.TenThousandYuan(200)), None));
        var matched = await Ok(staff.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(need.Id, line), None));

        Assert.NotEmpty(enterprises);
        Assert.All(enterprises, g => Assert.StartsWith(firm.Street, g, StringComparison.Ordinal));
        Assert.Equal(0, await staff.Db.Residents.CountAsync());
        Assert.Equal(0, await staff.Db.Households.CountAsync());
        Assert.Equal((NeedSource.Visit, NeedStatus.Matched), (need.Source, matched.Status));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkerMayRaiseButNotMatchAndTheRefusedMatchChangesNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var firm = await FirmAsync(app);
        var line = await OfferAsync(app, null);
        await using var worker = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, firm.Grid, "网格员", null));

        var need = await Ok(worker.Get<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(firm.Id, StandardNeedCategories.Financing, "流动资金", Amount: Money.TenThousandYuan(100)), None));
        var match = await worker.Get<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(need.Id, line), None);

        Assert.Equal(OutcomeKind.Forbidden, match.Kind);
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(Money.Zero, (await check.Db.CommunityOffers.SingleAsync(o => o.Id == line)).CreditTaken);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnUnmatchedNeedGoesIntoTheCaseLoopAndIsResolvedWhenItsCaseCloses(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var firm = await FirmAsync(app);
        int needId;
        await using (var contact = app.Scope(Contact(firm)))
        {
            needId = (await Ok(contact.Get<RaiseNeedHandler>().HandleAsync(new RaiseNeed(firm.Id, StandardNeedCategories.Licences, "办理食品经营许可证"), None))).Id;
        }
        await using (var staff = app.Scope(Staff(firm)))
        {
            var refused = await staff.Get<EscalateNeedHandler>().HandleAsync(new EscalateNeed(needId, " "), None);
            Assert.Equal((OutcomeKind.Invalid, true), (refused.Kind, refused.Errors.ContainsKey("reason")));
            var escalated = await Ok(staff.Get<EscalateNeedHandler>().HandleAsync(new EscalateNeed(needId, "社区资源中没有证照代办"), None));
            Assert.Equal(NeedStatus.Escalated, escalated.Status);
        }
        await using var system = app.Scope(new SystemJurisdiction());
        var need = await system.Db.EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == needId);
        var @case = await system.Db.Cases.AsNoTracking().SingleAsync(c => c.Id == need.CaseId);
        Assert.Equal(("0901", firm.Grid, firm.Name), (@case.ItemCode, @case.GridCode, @case.ContactName));
        Assert.Equal(0, await system.Get<SettleEscalatedNeedsHandler>().HandleAsync(new SettleEscalatedNeeds(), None));

        await system.Db.Cases.Where(c => c.Id == @case.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        Assert.Equal(1, await system.Get<SettleEscalatedNeedsHandler>().HandleAsync(new SettleEscalatedNeeds(), None));

        await using var rater = app.Scope(Contact(firm));
        var detail = await Ok(rater.Get<GetNeedHandler>().HandleAsync(new GetNeed(needId), None));
        Assert.Equal((NeedStatus.Resolved, NeedOutcome.Met, CaseStatus.Closed), (detail.Item.Need.Status, detail.Item.Need.Outcome, detail.CaseStatus));
        Assert.Equal([NeedAction.Rate], detail.Actions);
        Assert.Equal(NeedStatus.Rated, (await Ok(rater.Get<RateNeedHandler>().HandleAsync(new RateNeed(needId, NeedRating.Satisfied), None))).Status);
    }

    private sealed record Firm(int Id, string Name, string CreditCode, string Grid, string Street, int Community);

    private static AccountJurisdiction Contact(Firm firm) =>
        AccountJurisdiction.Of(StaffRole.EnterpriseContact, firm.Grid, "企业联系人", null, userId: "contact").WithEnterprises(firm.Id, firm.Community);

    private static AccountJurisdiction Staff(Firm firm) =>
        AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, firm.Street, "商务社区", null, userId: "bc-staff").WithEnterprises(null, firm.Community);

    private static async Task<Firm> FirmAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.Name, e.CreditCode, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value))
            .FirstAsync();
    }

    private static async Task<int> OfferAsync(AppHarness app, int? community)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var saved = await system.Get<SaveOfferHandler>().HandleAsync(new SaveOffer(null, "普惠贷款", "合作银行", OfferKind.CreditLine,
            [StandardNeedCategories.Financing], BusinessCommunityId: community, CreditLine: Money.TenThousandYuan(1_000)), None);
        return (await Ok(Task.FromResult(saved))).Id;
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
