using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Visits;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Visits;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Visits;

/// <summary>Grid workers' visit plans (入户走访): the plan of their grid, a visit that opens a case or a task, refusals, coverage, the policy.</summary>
public class VisitPlanTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkersPlanIsTheirGridsHouseholdsMostUrgentFirstPagedAndSearched(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, households) = await GridAsync(app);
        await using var scope = app.Scope(Worker(grid));
        var handler = scope.Get<GetVisitPlanHandler>();

        var all = await Ok(handler.HandleAsync(new GetVisitPlan(View: VisitPlanView.All, PageSize: 200), None));
        var week = await Ok(handler.HandleAsync(new GetVisitPlan(), None));
        var overdue = await Ok(handler.HandleAsync(new GetVisitPlan(View: VisitPlanView.Overdue, PageSize: 200), None));
        var second = await Ok(handler.HandleAsync(new GetVisitPlan(View: VisitPlanView.All, Page: 2, PageSize: 3), None));
        var address = all.Rows.Items[0].Address;
        var searched = await Ok(handler.HandleAsync(new GetVisitPlan(View: VisitPlanView.All, Search: address), None));
        var elsewhere = await handler.HandleAsync(new GetVisitPlan(Code: "330105999"), None);

        Assert.Equal(households, all.Rows.Total);
        Assert.All(all.Rows.Items, r => Assert.Equal(grid, r.GridCode));
        Assert.Equal(all.Rows.Items.OrderBy(r => r.DueOn).Select(r => r.DueOn), all.Rows.Items.Select(r => r.DueOn));
        Assert.All(week.Rows.Items, r => Assert.NotEqual(VisitStatus.NotDue, r.Status));
        Assert.All(overdue.Rows.Items, r => Assert.True(r.DueOn < app.Clock.Today()));
        Assert.Equal(all.Rows.Items.Count(r => r.Status == VisitStatus.Overdue), overdue.Rows.Total);
        Assert.Equal(all.Rows.Items.Skip(3).Take(3).Select(r => r.HouseholdId), second.Rows.Items.Select(r => r.HouseholdId));
        Assert.Contains(searched.Rows.Items, r => r.HouseholdId == all.Rows.Items[0].HouseholdId);
        Assert.All(searched.Rows.Items, r => Assert.Contains(address, r.Address, StringComparison.Ordinal));
        Assert.Equal(households, all.Summary.Households);
        Assert.Equal(OutcomeKind.Invalid, elsewhere.Kind);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AVisitThatFindsANeedOpensAVisitCaseAndMovesTheHouseholdOutOfThePlan(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, _) = await GridAsync(app);
        var (household, member) = await MemberAsync(app, grid);
        var item = await ItemAsync(app);
        await using var scope = app.Scope(Worker(grid));

        var recorded = await Ok(scope.Get<RecordHouseholdVisitHandler>().HandleAsync(
            new RecordHouseholdVisit(household, app.Clock.Today(), member, false, "老人腿脚不便，楼道扶手松动")
            {
                Need = FoundNeedKind.Case, CaseItemCode = item, NeedDescription = "三单元楼道扶手松动，需要维修",
            }, None));
        var standing = await Ok(scope.Get<GetHouseholdVisitsHandler>().HandleAsync(new GetHouseholdVisits(household), None));

        var c = await scope.Db.Cases.AsNoTracking().SingleAsync(x => x.Id == recorded.CaseId);
        Assert.Equal((CaseSource.Visit, grid, item), (c.Source, c.GridCode, c.ItemCode));
        var visit = await scope.Db.HouseholdVisits.AsNoTracking().SingleAsync(v => v.Id == recorded.Id);
        Assert.Equal((c.Id, member, false, grid), (visit.CaseId, visit.MetResidentId, visit.NoOneHome, visit.GridCode));
        Assert.Equal((app.Clock.Today(), true, VisitStatus.NotDue), (standing.Standing.LastVisit, standing.Standing.Covered, standing.Standing.Status));
        Assert.Equal(recorded.Id, standing.Visits[0].Id);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AServiceNeedIsHandedToAVisitTaskSavedWithTheVisit(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, _) = await GridAsync(app);
        var (household, _) = await MemberAsync(app, grid);
        int service;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            service = await system.Db.ServiceItems.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }
        await using var scope = app.Scope(Worker(grid));

        var recorded = await Ok(scope.Get<RecordHouseholdVisitHandler>().HandleAsync(
            new RecordHouseholdVisit(household, app.Clock.Today().AddDays(-2), null, true, "无人在家，留下联系卡")
            {
                Need = FoundNeedKind.Service, ServiceItemId = service, NeedDescription = "邻居说老人需要助餐服务",
            }, None));

        var task = await scope.Db.VisitTasks.AsNoTracking().SingleAsync(t => t.Id == recorded.VisitTaskId);
        Assert.Equal((service, grid, (DateTime?)null), (task.ServiceItemId, task.GridCode, task.DoneAt));
        Assert.Contains("助餐", task.Reason, StringComparison.Ordinal);
        Assert.Null(recorded.CaseId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RefusedVisitsAreNamedInChineseAndChangeNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, _) = await GridAsync(app);
        var (household, member) = await MemberAsync(app, grid);
        var (otherHousehold, otherMember) = await MemberAsync(app, await OtherGridAsync(app, grid));
        int visits, cases;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            visits = await system.Db.HouseholdVisits.CountAsync();
            cases = await system.Db.Cases.CountAsync();
        }
        await using var scope = app.Scope(Worker(grid));
        var handler = scope.Get<RecordHouseholdVisitHandler>();
        var today = app.Clock.Today();

        var outside = await handler.HandleAsync(new RecordHouseholdVisit(otherHousehold, today, otherMember, false, "情况正常"), None);
        var future = await handler.HandleAsync(new RecordHouseholdVisit(household, today.AddDays(1), member, false, "情况正常"), None);
        var stale = await handler.HandleAsync(new RecordHouseholdVisit(household, today.AddDays(-60), member, false, "情况正常"), None);
        var empty = await handler.HandleAsync(new RecordHouseholdVisit(household, today, member, false, "  "), None);
        var stranger = await handler.HandleAsync(new RecordHouseholdVisit(household, today, otherMember, false, "情况正常"), None);
        var both = await handler.HandleAsync(new RecordHouseholdVisit(household, today, member, true, "情况正常"), None);
        var badCase = await handler.HandleAsync(new RecordHouseholdVisit(household, today, member, false, "情况正常")
        {
            Need = FoundNeedKind.Case, CaseItemCode = "no-such", NeedDescription = "楼道扶手松动需要维修",
        }, None);
        var shortCase = await handler.HandleAsync(new RecordHouseholdVisit(household, today, member, false, "情况正常")
        {
            Need = FoundNeedKind.Case, CaseItemCode = await ItemAsync(app), NeedDescription = "修",
        }, None);
        await using var resident = app.Scope(AccountJurisdiction.Of(StaffRole.Resident, grid, "居民", null));
        var forbidden = await resident.Get<RecordHouseholdVisitHandler>().HandleAsync(new RecordHouseholdVisit(household, today, member, false, "情况正常"), None);

        Assert.Equal(["找不到该户，或该户不在您的网格内"], outside.Errors["householdId"]);
        Assert.Equal(["走访日期不能晚于今天"], future.Errors["visitedOn"]);
        Assert.True(stale.Errors.ContainsKey("visitedOn"));
        Assert.Equal(["请填写走访情况"], empty.Errors["situation"]);
        Assert.Equal(["所选人员不是该户的成员"], stranger.Errors["metResidentId"]);
        Assert.True(both.Errors.ContainsKey("metResidentId"));
        Assert.Equal(["请从议事清单中选择事项"], badCase.Errors["caseItemCode"]);
        Assert.True(shortCase.Errors.ContainsKey("needDescription"));
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(visits, await check.Db.HouseholdVisits.CountAsync());
        Assert.Equal(cases, await check.Db.Cases.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CoverageRollsUpFromGridsToCommunitiesAndTheDemoHasARealisticShareDone(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction());
        var handler = scope.Get<GetVisitCoverageHandler>();

        var district = await Ok(handler.HandleAsync(new GetVisitCoverage(), None));
        var street = district.Rows[0];
        var communities = await Ok(handler.HandleAsync(new GetVisitCoverage(street.Code), None));
        var grids = await Ok(handler.HandleAsync(new GetVisitCoverage(communities.Rows[0].Code), None));

        Assert.Equal(district.Total.Coverage.Households, district.Rows.Sum(r => r.Coverage.Households));
        Assert.Equal(street.Coverage.Covered, communities.Rows.Sum(r => r.Coverage.Covered));
        Assert.Equal(communities.Rows[0].Coverage.Households, grids.Rows.Sum(r => r.Coverage.Households));
        Assert.All(grids.Rows, r => Assert.Equal(15, r.Code.Length));
        Assert.InRange(district.Total.Coverage.Share, 0.6, 0.95);
        Assert.True(district.Total.Coverage.Attention > 0);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ThePolicyIsDistrictDataCheckedBeforeItIsSavedAndMovesThePlan(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (grid, households) = await GridAsync(app);
        await using var admin = app.Scope(AccountJurisdiction.Of(StaffRole.DistrictAdmin, "330105", "区管理员", null));
        var save = admin.Get<SaveVisitPolicyHandler>();
        var since = new DateOnly(2026, 1, 1);

        var badRule = await save.HandleAsync(new SaveVisitPolicy("agee >= 80", 1, 12, since), None);
        var badCycles = await save.HandleAsync(new SaveVisitPolicy("age >= 80", 13, 12, since), None);
        var future = await save.HandleAsync(new SaveVisitPolicy("age >= 80", 1, 12, app.Clock.Today().AddDays(1)), None);
        await using (var worker = app.Scope(Worker(grid)))
        {
            Assert.Equal(OutcomeKind.Forbidden, (await worker.Get<SaveVisitPolicyHandler>().HandleAsync(new SaveVisitPolicy("age >= 0", 1, 1, since), None)).Kind);
        }
        Assert.StartsWith("第1个字符“agee”", badRule.Errors["attentionRule"][0], StringComparison.Ordinal);
        Assert.Equal(["一般户的走访周期不能短于重点户"], badCycles.Errors["othersEveryMonths"]);
        Assert.True(future.Errors.ContainsKey("since"));
        await using (var check = app.Scope(Worker(grid)))
        {
            Assert.Equal(VisitPolicy.DefaultAttentionRule, (await Ok(check.Get<GetVisitPolicyHandler>().HandleAsync(new GetVisitPolicy(), None))).AttentionRule);
        }

        // Everyone of attention, every month: the whole grid is on the monthly cycle.
        await Ok(save.HandleAsync(new SaveVisitPolicy("age >= 0", 1, 12, since), None));
        await using var after = app.Scope(Worker(grid));
        var plan = await Ok(after.Get<GetVisitPlanHandler>().HandleAsync(new GetVisitPlan(View: VisitPlanView.All, PageSize: 200), None));
        Assert.Equal(households, plan.Summary.Attention);
        Assert.All(plan.Rows.Items, r => Assert.Equal(1, r.EveryMonths));
    }

    internal static AccountJurisdiction Worker(string grid) => AccountJurisdiction.Of(StaffRole.GridWorker, grid, "网格员甲", null, userId: "worker");

    /// <summary>The grid with the most households, and how many.</summary>
    internal static async Task<(string Grid, int Households)> GridAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var grid = await system.Db.Households.GroupBy(h => h.GridCode).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).FirstAsync();
        return (grid.Key, grid.Count);
    }

    private static async Task<string> OtherGridAsync(AppHarness app, string grid)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.Households.Where(h => h.GridCode != grid).OrderBy(h => h.GridCode).Select(h => h.GridCode).FirstAsync();
    }

    internal static async Task<(int Household, int Member)> MemberAsync(AppHarness app, string grid)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var r = await system.Db.Residents.Where(r => r.GridCode == grid && r.HouseholdId != null && r.DepartedOn == null)
            .OrderBy(r => r.Id).Select(r => new { Household = r.HouseholdId!.Value, r.Id }).FirstAsync();
        return (r.Household, r.Id);
    }

    internal static async Task<string> ItemAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.DeliberationItems.Where(i => i.Active).OrderBy(i => i.Code).Select(i => i.Code).FirstAsync();
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
