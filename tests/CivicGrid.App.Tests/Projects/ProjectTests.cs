using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Projects;

/// <summary>The portfolio's use cases: the office registers, cadres follow their group's projects and no other's.</summary>
public class ProjectTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACadreFollowsTheGroupsProjectAndIsRefusedAnotherGroupsInWordsWithNothingChanged(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var world = await WorldAsync(app);
        int id;
        await using (var office = app.Scope(Office))
        {
            id = await Ok(office.Get<SaveProjectHandler>().HandleAsync(new SaveProject(null, Request(world, "GS-001", world.GroupA, world.CadreA)), None));
        }

        await using (var other = app.Scope(Cadre(world.CadreB, world.GroupB)))
        {
            var move = await other.Get<MoveProjectHandler>().HandleAsync(new MoveProject(id, ProjectAction.ReachStage, On: new DateOnly(2026, 3, 1)), None);
            var progress = await other.Get<RecordProgressHandler>().HandleAsync(new RecordProgress(id, new ProgressRequest(0, new DateOnly(2026, 11, 1), Money.TenThousandYuan(100))), None);
            var list = await other.Get<ListProjectsHandler>().HandleAsync(new ListProjects(), None);
            Assert.Equal((OutcomeKind.Forbidden, "该项目不属于您所在的专项服务组"), (move.Kind, move.Errors[""].Single()));
            Assert.Equal(OutcomeKind.Forbidden, progress.Kind);
            Assert.Equal(0, list.Total);
        }

        await using (var cadre = app.Scope(Cadre(world.CadreA, world.GroupA)))
        {
            var warned = await cadre.Get<RecordProgressHandler>().HandleAsync(new RecordProgress(id,
                new ProgressRequest(0, new DateOnly(2026, 11, 1), Money.TenThousandYuan(20_000)) { StageReached = ProjectStage.Landed, StageReachedOn = new DateOnly(2026, 3, 1) }), None);
            Assert.StartsWith("本月完成投资 20,000 万元，超过 2026 年计划月均", warned.Errors[RecordProgressHandler.ConfirmField].Single(), StringComparison.Ordinal);
            await Ok(cadre.Get<RecordProgressHandler>().HandleAsync(new RecordProgress(id,
                new ProgressRequest(0, new DateOnly(2026, 11, 1), Money.TenThousandYuan(20_000)) { StageReached = ProjectStage.Landed, StageReachedOn = new DateOnly(2026, 3, 1), Confirmed = true }), None));
            var refused = await cadre.Get<MoveProjectHandler>().HandleAsync(new MoveProject(id, ProjectAction.Suspend, "资金"), None);
            Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
            var detail = await Ok(cadre.Get<GetProjectHandler>().HandleAsync(new GetProject(id), None));
            Assert.Equal((ProjectStage.Landed, 20_000m, true, "138****1111"), (detail.Stage, detail.InvestmentDoneWan, detail.Progress.Single().Confirmed, detail.ContactPhoneMasked));
            Assert.Equal([ProjectAction.ReachStage], detail.Actions);
        }

        await using var system = app.Scope(new SystemJurisdiction());
        var stored = await system.Db.MajorProjects.Include(p => p.Gates).SingleAsync(p => p.Id == id);
        Assert.Equal((ProjectStage.Landed, new DateOnly(2026, 3, 1)), (stored.Stage, stored.Gate(ProjectStage.Landed).ReachedOn));
        Assert.Equal(1, await system.Db.ProjectProgress.CountAsync());
        Assert.NotNull(stored.ContactPhoneCipher);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABadProjectIsRefusedFieldByFieldAndNothingIsSaved(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var world = await WorldAsync(app);
        await using var office = app.Scope(Office);
        var handler = office.Get<SaveProjectHandler>();
        await Ok(handler.HandleAsync(new SaveProject(null, Request(world, "GS-001", world.GroupA, null)), None));

        var bad = await handler.HandleAsync(new SaveProject(null, Request(world, "GS-001", world.GroupA, world.CadreB) with
        {
            Name = "", CommunityCode = "330199999999",
            Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), new GateDates(ProjectStage.Started, new DateOnly(2026, 6, 1)), new GateDates(ProjectStage.Completed, new DateOnly(2026, 5, 1))],
        }), None);

        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Equal(["name", "gates", "code", "communityCode", "leadCadreId"], bad.Errors.Keys);
        Assert.Equal("“竣工”的计划日期（2026-05-01）早于“开工”的计划日期（2026-06-01）", bad.Errors["gates"].Single());
        await using var street = app.Scope(AccountJurisdiction.Of(StaffRole.StreetOfficial, world.OtherStreet, "街道", null));
        Assert.Equal(0, (await street.Get<ListProjectsHandler>().HandleAsync(new ListProjects(), None)).Total);
        await using var system = app.Scope(new SystemJurisdiction());
        Assert.Equal(1, await system.Db.MajorProjects.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheNotYetFilterFindsProjectsPastAPlannedGate(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var world = await WorldAsync(app);
        await using var office = app.Scope(Office);
        var save = office.Get<SaveProjectHandler>();
        await Ok(save.HandleAsync(new SaveProject(null, Request(world, "LATE", world.GroupA, null) with
        {
            Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), new GateDates(ProjectStage.Started, new DateOnly(2026, 6, 1))],
        }), None));
        await Ok(save.HandleAsync(new SaveProject(null, Request(world, "ONTIME", world.GroupA, null) with
        {
            Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), new GateDates(ProjectStage.Started, new DateOnly(2027, 6, 1))],
        }), None));

        var late = await office.Get<ListProjectsHandler>().HandleAsync(new ListProjects(NotYet: ProjectStage.Started), None);

        Assert.Equal("LATE", Assert.Single(late.Items).Code);
        Assert.Equal([ProjectStage.Started], late.Items.Single().NotYet);
    }

    private sealed record World(string Community, string OtherStreet, int GroupA, int GroupB, string CadreA, string CadreB);

    private static readonly AccountJurisdiction Office = AccountJurisdiction.Of(StaffRole.ProjectOffice, "330105", "区项目办", null);

    private static AccountJurisdiction Cadre(string id, int group) =>
        AccountJurisdiction.Of(StaffRole.ProjectCadre, "330105", id, null, userId: id).WithServiceGroup(group);

    private static ProjectRequest Request(World w, string code, int group, string? cadre) =>
        new(code, "运河数智产业园", "杭州运河数智科技有限公司", "数字经济", w.Community, 30.32, 120.15)
        {
            PlannedInvestment = Money.TenThousandYuan(120_000), YearPlans = [new YearPlan(2026, Money.TenThousandYuan(30_000))],
            ServiceGroupId = group, LeadCadreId = cadre, ContactName = "王经理", ContactPhone = "13800001111",
            Gates = [new GateDates(ProjectStage.Signed, null, new DateOnly(2026, 1, 10)), new GateDates(ProjectStage.Landed, new DateOnly(2026, 3, 1))],
        };

    private static async Task<World> WorldAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var communities = await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).ToListAsync();
        var other = communities.First(c => c[..9] != communities[0][..9]);
        var a = new ServiceGroup { Name = "测试一组" };
        var b = new ServiceGroup { Name = "测试二组" };
        system.Db.ServiceGroups.AddRange(a, b);
        await system.Db.SaveChangesAsync();
        var cadres = new[] { ("cadre-a", a.Id), ("cadre-b", b.Id) }.Select(x => new StaffUser
        {
            UserName = x.Item1, NormalizedUserName = x.Item1.ToUpperInvariant(), DisplayName = x.Item1, Role = StaffRole.ProjectCadre, ScopeCode = "330105", ServiceGroupId = x.Item2,
        }).ToList();
        system.Db.Users.AddRange(cadres);
        await system.Db.SaveChangesAsync();
        return new World(communities[0], other[..9], a.Id, b.Id, cadres[0].Id, cadres[1].Id);
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
