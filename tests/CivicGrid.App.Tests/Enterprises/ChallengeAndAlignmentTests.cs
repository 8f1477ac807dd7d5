using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Alignment;
using CivicGrid.App.Enterprises.Challenges;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using CivicGrid.Core.Enterprises.Challenges;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

/// <summary>揭榜挂帅 and address alignment as stored: who may move what, refusals that change nothing, and scope.</summary>
public class ChallengeAndAlignmentTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AChallengeIsPublishedClaimedByAnEnterpriseDeliveredAndEvaluated(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, b) = await FirmsAsync(app);
        var id = await PublishAsync(app, Staff(a));

        await using (var contact = app.Scope(Contact(b)))
        {
            Assert.Contains(id, (await contact.Get<ListChallengesHandler>().HandleAsync(new ListChallenges(), None)).Items.Select(i => i.Challenge.Id));
            var claimed = await Ok(contact.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Claim, SolverName: "别的名字"), None));
            Assert.Equal((ChallengeStatus.Claimed, SolverKind.Enterprise, b.Id, b.Name), (claimed.Status, claimed.SolverKind, claimed.SolverEnterpriseId, claimed.SolverName));
        }
        await using (var colleague = app.Scope(Contact(b, "another-contact")))
        {
            await Ok(colleague.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Deliver, "对接实习生 12 名"), None));
        }
        await using (var contact = app.Scope(Contact(b)))
        {
            var refused = await contact.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Evaluate, Score: 5), None);
            Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        }
        await using (var staff = app.Scope(Staff(a)))
        {
            var done = await Ok(staff.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Evaluate, "成效明显", Score: 5), None));
            var detail = await Ok(staff.Get<GetChallengeHandler>().HandleAsync(new GetChallenge(id), None));
            Assert.Equal((ChallengeStatus.Evaluated, 5), (done.Status, done.Score));
            Assert.Equal([ChallengeAction.Publish, ChallengeAction.Claim, ChallengeAction.Deliver, ChallengeAction.Evaluate], detail.Timeline.Select(e => e.Action));
            Assert.Empty(detail.Actions);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RefusedChallengeMovesChangeNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, _) = await FirmsAsync(app);
        await using var contact = app.Scope(Contact(a));
        var id = (await Ok(contact.Get<PublishChallengeHandler>().HandleAsync(new PublishChallenge("招聘难", "招聘算法工程师", null, Money.TenThousandYuan(2)), None))).Id;
        await using var staff = app.Scope(Staff(a));
        await using var runner = app.Scope(AccountJurisdiction.Of(StaffRole.Runner, a.Street, "助跑员", null, userId: "runner").WithEnterprises(null, a.Community));

        Assert.Equal(OutcomeKind.Forbidden, (await contact.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Claim), None)).Kind);
        Assert.Equal("企业揭榜请由该企业的联系人办理", Reason(await staff.Get<MoveChallengeHandler>().HandleAsync(
            new MoveChallenge(id, ChallengeAction.Claim, SolverName: "某公司", SolverKind: SolverKind.Enterprise), None)));
        Assert.Equal("请填写揭榜方名称和类型", Reason(await staff.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Claim, SolverKind: SolverKind.Partner), None)));
        Assert.Equal("揭榜方提交成果后才能验收评价", Reason(await contact.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Evaluate, Score: 5), None)));
        Assert.Equal(OutcomeKind.Forbidden, (await runner.Get<MoveChallengeHandler>().HandleAsync(
            new MoveChallenge(id, ChallengeAction.Claim, SolverName: "志愿队", SolverKind: SolverKind.VolunteerTeam), None)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await runner.Get<PublishChallengeHandler>().HandleAsync(new PublishChallenge("题", "问题", "荣誉"), None)).Kind);

        await using var check = app.Scope(new SystemJurisdiction());
        var stored = await check.Db.Challenges.SingleAsync();
        Assert.Equal((ChallengeStatus.Published, 0, null, a.Name), (stored.Status, stored.Version, stored.SolverName, stored.PublishedBy));
        Assert.Equal(1, await check.Db.ChallengeEvents.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ChallengesStayInTheirPlaceAndAContactSeesOthersOnlyWhileOpen(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, b) = await FirmsAsync(app);
        var id = await PublishAsync(app, Staff(a));
        await using (var staff = app.Scope(Staff(a)))
        {
            await Ok(staff.Get<MoveChallengeHandler>().HandleAsync(
                new MoveChallenge(id, ChallengeAction.Claim, SolverName: "高校就业中心", SolverKind: SolverKind.Partner), None));
        }
        await using var elsewhere = app.Scope(AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, await OtherStreetAsync(app, a.Street), "别处", null, userId: "far"));
        await using var contact = app.Scope(Contact(b));

        Assert.Equal(0, (await elsewhere.Get<ListChallengesHandler>().HandleAsync(new ListChallenges(), None)).Total);
        Assert.Equal(OutcomeKind.NotFound, (await elsewhere.Get<MoveChallengeHandler>().HandleAsync(new MoveChallenge(id, ChallengeAction.Withdraw, "撤"), None)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await contact.Get<GetChallengeHandler>().HandleAsync(new GetChallenge(id), None)).Kind);
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(ChallengeStatus.Claimed, (await check.Db.Challenges.SingleAsync()).Status);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFirmIsFollowedUpUntilItsAddressesAgreeAndProgressCountsIt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, _) = await FirmsAsync(app);
        await MisalignAsync(app, a.Id);
        await using var staff = app.Scope(Staff(a));
        var handler = staff.Get<FollowUpAlignmentHandler>();

        await Ok(handler.HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.Contact, "电话联系财务"), None));
        await Ok(handler.HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.StartAligning), None));
        var done = await Ok(handler.HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.ConfirmAligned, "已迁入"), None));
        var listed = await staff.Get<ListMisalignedHandler>().HandleAsync(new ListMisaligned(AlignmentStatus.Aligned), None);
        var progress = await staff.Get<GetAlignmentProgressHandler>().HandleAsync(new GetAlignmentProgress(), None);

        Assert.Equal((AlignmentStatus.Aligned, done.OfficeAddress, 3), (done.Status, done.RegisteredAddress, done.Steps.Count));
        Assert.Equal([a.Id], listed.Items.Select(f => f.EnterpriseId));
        var row = progress.Communities.Single(c => c.BusinessCommunityId == a.Community);
        Assert.Equal(1, row.Aligned);
        Assert.Equal(row.Found, row.ToContact + row.InProgress + row.Aligned + row.CannotAlign);
        Assert.Equal(row.Aligned, progress.Total.Aligned);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RefusedFollowUpsChangeNothingAndStayInScope(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, b) = await FirmsAsync(app);
        await MisalignAsync(app, a.Id);
        await AlignAsync(app, b.Id);
        await using var staff = app.Scope(Staff(a));
        await using var contact = app.Scope(Contact(a));
        await using var elsewhere = app.Scope(AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, await OtherStreetAsync(app, a.Street), "别处", null, userId: "far"));
        var handler = staff.Get<FollowUpAlignmentHandler>();

        Assert.Equal("请填写无法一致的原因", Reason(await handler.HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.GiveUp), None)));
        Assert.Equal("请先联系企业", Reason(await handler.HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.ConfirmAligned), None)));
        Assert.Equal("该企业注册地与办公地一致，无需跟进", Reason(await handler.HandleAsync(new FollowUpAlignment(b.Id, AlignmentAction.Contact), None)));
        Assert.Equal(OutcomeKind.Forbidden, (await contact.Get<FollowUpAlignmentHandler>().HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.Contact), None)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await elsewhere.Get<FollowUpAlignmentHandler>().HandleAsync(new FollowUpAlignment(a.Id, AlignmentAction.Contact), None)).Kind);
        Assert.Equal(0, (await elsewhere.Get<ListMisalignedHandler>().HandleAsync(new ListMisaligned(), None)).Total);
        Assert.Contains(a.Id, (await staff.Get<ListMisalignedHandler>().HandleAsync(new ListMisaligned(AlignmentStatus.ToContact), None)).Items.Select(f => f.EnterpriseId));

        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(0, await check.Db.AlignmentFollowUps.CountAsync());
        Assert.NotEqual((await check.Db.Enterprises.SingleAsync(e => e.Id == a.Id)).OfficeAddress, (await check.Db.Enterprises.SingleAsync(e => e.Id == a.Id)).RegisteredAddress);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDemoSeedsChallengesInEveryStateAndFollowUpsTheProgressCounts(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        await MisalignAsync(app, (await FirmsAsync(app)).Item1.Id);

        var written = await system.Get<Demo.SeedDemoChallengesAndAlignmentHandler>().HandleAsync(new Demo.SeedDemoChallengesAndAlignment(), None);
        Assert.Equal(0, await system.Get<Demo.SeedDemoChallengesAndAlignmentHandler>().HandleAsync(new Demo.SeedDemoChallengesAndAlignment(), None));

        var challenges = await system.Db.Challenges.AsNoTracking().ToListAsync();
        var events = await system.Db.ChallengeEvents.AsNoTracking().ToListAsync();
        Assert.Equal(written, challenges.Count + await system.Db.AlignmentFollowUps.CountAsync());
        Assert.Equal(12, challenges.Count);
        Assert.Equal(Enum.GetValues<ChallengeStatus>(), challenges.Select(c => c.Status).Distinct().Order());
        // Every move after publishing left a timeline entry.
        Assert.All(challenges, c => Assert.Equal(c.Version + 1, events.Count(e => e.ChallengeId == c.Id)));
        var progress = await system.Get<GetAlignmentProgressHandler>().HandleAsync(new GetAlignmentProgress(), None);
        var differing = await system.Db.Enterprises.CountAsync(e => e.RegisteredAddress != e.OfficeAddress && e.Building!.BusinessCommunityId != null);
        var aligned = await system.Db.AlignmentFollowUps.CountAsync(f => f.Status == AlignmentStatus.Aligned);
        Assert.Equal((differing + aligned, aligned), (progress.Total.Found, progress.Total.Aligned));
        Assert.True(progress.Total.Found >= 1);
    }

    private sealed record Firm(int Id, string Name, string Grid, string Street, int Community);

    private static AccountJurisdiction Contact(Firm firm, string user = "contact") =>
        AccountJurisdiction.Of(StaffRole.EnterpriseContact, firm.Grid, "企业联系人", null, userId: user).WithEnterprises(firm.Id, firm.Community);

    private static AccountJurisdiction Staff(Firm firm) =>
        AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, firm.Street, "商务社区", null, userId: "bc-staff").WithEnterprises(null, firm.Community);

    /// <summary>Two firms with their offices in the same business community.</summary>
    private static async Task<(Firm, Firm)> FirmsAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var firms = await system.Db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new Firm(e.Id, e.Name, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value))
            .Take(20).ToListAsync();
        var b = firms.First(f => f.Community == firms[0].Community && f.Id != firms[0].Id);
        return (firms[0], b);
    }

    private static async Task<int> PublishAsync(AppHarness app, AccountJurisdiction who)
    {
        await using var scope = app.Scope(who);
        return (await Ok(scope.Get<PublishChallengeHandler>().HandleAsync(
            new PublishChallenge("AI企业招聘难", "为楼宇内人工智能企业对接高校毕业生", "年度优秀共建单位"), None))).Id;
    }

    private static async Task<string> OtherStreetAsync(AppHarness app, string street)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Street && n.Code != street).Select(n => n.Code).FirstAsync();
    }

    private static Task MisalignAsync(AppHarness app, int firm) => SetRegisteredAsync(app, firm, e => "湖墅南路1号");

    private static Task AlignAsync(AppHarness app, int firm) => SetRegisteredAsync(app, firm, e => e.OfficeAddress);

    private static async Task SetRegisteredAsync(AppHarness app, int firm, Func<Enterprise, string> address)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var e = await system.Db.Enterprises.SingleAsync(x => x.Id == firm);
        e.RegisteredAddress = address(e);
        await system.Db.SaveChangesAsync();
    }

    private static string Reason<T>(Outcome<T> outcome)
    {
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        return outcome.Errors.SelectMany(e => e.Value).Single();
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
