using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Dashboard;
using CivicGrid.App.Enterprises.Sweeps;
using CivicGrid.App.Imports;
using CivicGrid.App.Tests.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Sweeps;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Enterprises;

/// <summary>Runners' building sweeps (扫楼跑企): assignment within scope, visits with the needs found, the plan and coverage.</summary>
public class SweepTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AVisitWithNeedsFoundRaisesThemAsVisitNeedsAndMovesTheRunnersPlan(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, runner) = await AssignedAsync(app);
        await using var scope = app.Scope(Runner(firm, runner));

        var before = await Ok(scope.Get<GetMySweepHandler>().HandleAsync(new GetMySweep(), None));
        var recorded = await Ok(scope.Get<RecordVisitHandler>().HandleAsync(new RecordVisit(firm.Id, firm.Building, "行政主管", "想招聘 10 名程序员",
            [new FoundNeed(StandardNeedCategories.Hiring, "招聘 10 名程序员"), new FoundNeed(null, " "), new FoundNeed(StandardNeedCategories.Policy, "了解研发补贴")]), None));
        var after = await Ok(scope.Get<GetMySweepHandler>().HandleAsync(new GetMySweep(), None));
        var history = await Ok(scope.Get<ListVisitsHandler>().HandleAsync(new ListVisits(), None));

        Assert.Equal(2, recorded.NeedIds.Count);
        var needs = await scope.Db.EnterpriseNeeds.AsNoTracking().Where(n => recorded.NeedIds.Contains(n.Id)).ToListAsync();
        Assert.All(needs, n => Assert.Equal((NeedSource.Visit, recorded.Id, NeedStatus.Raised, firm.Id), (n.Source, n.VisitId, n.Status, n.EnterpriseId)));
        Assert.Null(before.Firms.Single(f => f.EnterpriseId == firm.Id).LastVisit);
        var row = after.Firms.Single(f => f.EnterpriseId == firm.Id);
        Assert.Equal((app.Clock.Today(), true, SweepStatus.NotDue), (row.LastVisit, row.Covered, row.Status));
        Assert.Equal(before.Buildings.Single().Coverage.Covered + 1, after.Buildings.Single().Coverage.Covered);
        Assert.Equal((recorded.Id, 2, "行政主管"), (history.Items.Single().Id, history.Items.Single().Needs, history.Items.Single().MetWhom));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RefusedVisitsChangeNothing(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, runner) = await AssignedAsync(app);
        int otherBuilding, stranger;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            otherBuilding = await system.Db.Buildings.Where(b => b.BusinessCommunityId != null && b.Id != firm.Building).Select(b => b.Id).FirstAsync();
            stranger = await system.Db.Enterprises.Where(e => e.BuildingId == otherBuilding).Select(e => e.Id).FirstAsync();
        }
        await using var scope = app.Scope(Runner(firm, runner));
        var handler = scope.Get<RecordVisitHandler>();

        var unassigned = await handler.HandleAsync(new RecordVisit(stranger, otherBuilding, "总经理"), None);
        var elsewhere = await handler.HandleAsync(new RecordVisit(stranger, firm.Building, "总经理"), None);
        var nobody = await handler.HandleAsync(new RecordVisit(firm.Id, firm.Building, " "), None);
        var badNeed = await handler.HandleAsync(new RecordVisit(firm.Id, firm.Building, "总经理", null,
            [new FoundNeed(StandardNeedCategories.Hiring, "招聘"), new FoundNeed("no-such", "x")]), None);
        var badPhoto = await handler.HandleAsync(new RecordVisit(firm.Id, firm.Building, "总经理", Photos: ["nope"]), None);

        Assert.Equal(["该楼宇未分配给您，不能登记走访"], unassigned.Errors["buildingId"]);
        Assert.Equal(["该企业不在此楼宇办公"], elsewhere.Errors["enterpriseId"]);
        Assert.True(nobody.Errors.ContainsKey("metWhom"));
        Assert.StartsWith("第 2 项需求", Assert.Single(badNeed.Errors).Value.Single(), StringComparison.Ordinal);
        Assert.True(badPhoto.Errors.ContainsKey("photos"));
        await using var check = app.Scope(new SystemJurisdiction());
        Assert.Equal(0, await check.Db.EnterpriseVisits.CountAsync());
        Assert.Equal(0, await check.Db.EnterpriseNeeds.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffAssignWithinTheirCommunityOnlyAndAHandOverEndsTheOtherRunnersBuilding(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, runner) = await AssignedAsync(app);
        var second = await RunnerAccountAsync(app, firm, "runner-b");
        var outsider = await RunnerAccountAsync(app, firm, "runner-c", community: null);
        await using var staff = app.Scope(Staff(firm));
        var assign = staff.Get<AssignBuildingsHandler>();

        var foreign = await assign.HandleAsync(new AssignBuildings("runner-c", [firm.Building]), None);
        var notOffice = await assign.HandleAsync(new AssignBuildings("runner-b", [-1]), None);
        var handed = await Ok(assign.HandleAsync(new AssignBuildings("runner-b", [firm.Building]), None));
        await using var worker = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, firm.Grid, "网格员", null));
        var forbidden = await worker.Get<AssignBuildingsHandler>().HandleAsync(new AssignBuildings("runner-b", [firm.Building]), None);

        Assert.True(foreign.Errors.ContainsKey("runner"));
        Assert.True(notOffice.Errors.ContainsKey("buildingIds"));
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);
        Assert.Equal(firm.Building, Assert.Single(handed).BuildingId);
        await using var check = app.Scope(new SystemJurisdiction());
        var rows = await check.Db.RunnerAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.False(rows[0].Covers(runner, firm.Building, app.Clock.Today()));
        Assert.True(rows[1].Covers(second, firm.Building, app.Clock.Today()));
        Assert.NotEqual(outsider, rows[1].RunnerId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDashboardsSweepFiguresAreThePlannersOverTheDemoYear(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        var visits = await system.Get<SeedDemoSweepsHandler>().HandleAsync(new SeedDemoSweeps(), None);
        Assert.Equal(0, await system.Get<SeedDemoSweepsHandler>().HandleAsync(new SeedDemoSweeps(), None));

        Assert.True(visits > 0);
        var stored = await system.Db.EnterpriseVisits.AsNoTracking().ToListAsync();
        var assignments = await system.Db.RunnerAssignments.AsNoTracking().OrderBy(a => a.BuildingId).ToListAsync();
        Assert.All(stored, v => Assert.Contains(assignments, a => a.Covers(v.RunnerId, v.BuildingId, v.Day)));
        var row = await AssertPlannersAsync(app, system);
        Assert.True(row.Covered > 0);

        // A building nobody sweeps any more and one given anew today: never-visited firms are due from the policy's start, and from today.
        var (dropped, anew) = (assignments[0].BuildingId, assignments[^1].BuildingId);
        await system.Db.RunnerAssignments.Where(a => a.BuildingId == dropped).ExecuteDeleteAsync();
        await system.Db.RunnerAssignments.Where(a => a.BuildingId == anew).ExecuteUpdateAsync(s => s.SetProperty(a => a.Since, app.Clock.Today()));
        await system.Db.EnterpriseVisits.ExecuteUpdateAsync(s => s.SetProperty(v => v.At, v => v.At.AddDays(-120)));
        await AssertPlannersAsync(app, system);
    }

    private static async Task<SweepFigures> AssertPlannersAsync(AppHarness app, HarnessScope system)
    {
        var dashboard = await system.Get<GetBusinessCommunityDashboardHandler>().HandleAsync(new GetBusinessCommunityDashboard(), None);
        var firms = await system.Db.Enterprises.AsNoTracking().Include(e => e.Building).Where(e => e.Building!.BusinessCommunityId != null).ToListAsync();
        var assignments = await system.Db.RunnerAssignments.AsNoTracking().ToListAsync();
        var stored = await system.Db.EnterpriseVisits.AsNoTracking().ToListAsync();
        var plan = SweepPlanner.Plan(SweepPolicy.Default, firms.Select(e => SweepEnterprises.From(e)!), assignments,
            stored.Select(v => (v.EnterpriseId, v.Day)), app.Clock.Today(), includeUnassigned: true);
        var expected = plan.BusinessCommunities.Single();
        var row = dashboard.Communities.Single().Sweeps;
        Assert.Equal((expected.Covered, expected.Overdue, expected.KeyTaxCovered), (row.Covered, row.Overdue, row.KeyTaxCovered));
        Assert.Equal(row, dashboard.Total.Sweeps);
        return row;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnImportOfAssignmentsWithOneBadRowSavesNothingAndAGoodOneHandsTheBuildingOver(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, runner) = await AssignedAsync(app);
        var second = await RunnerAccountAsync(app, firm, "runner-b");
        string code, other;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            code = await system.Db.Buildings.Where(b => b.Id == firm.Building).Select(b => b.Code).SingleAsync();
            other = await system.Db.Buildings.Where(b => b.BusinessCommunityId == null).Select(b => b.Code).FirstAsync();
        }
        await using var street = app.Scope(AccountJurisdiction.Of(StaffRole.StreetOfficial, firm.Street, "街道", null));
        async Task<ImportReport> ImportAsync(bool commit, params string[] rows) =>
            (await street.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.RunnerAssignments,
                ImportFiles.Csv(ImportFiles.Lines(["楼栋编号,助跑员用户名,起始日期", .. rows])), commit, "runners.csv"), null, None)).Value!;

        var bad = await ImportAsync(true, $"{code},runner-b,2026-11-20", $"{other},runner-b,", $"{code},nobody,");
        var good = await ImportAsync(true, $"{code},runner-b,2026-11-20");
        var again = await ImportAsync(true, $"{code},runner-b,2026-11-20");

        Assert.False(bad.Committed);
        Assert.Equal([3, 4, 4], bad.Errors.Select(e => e.Row).Order());
        Assert.Equal((true, 1), (good.Committed, good.Inserted));
        Assert.Equal((0, 1), (again.Inserted, again.Unchanged));
        await using var check = app.Scope(new SystemJurisdiction());
        var rows = await check.Db.RunnerAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(runner, new DateOnly(2026, 11, 19)), (second, (DateOnly?)null)], rows.Select(a => (a.RunnerId, a.Until)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CommunityStaffImportAssignmentsOfTheirOwnCommunityOnly(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (firm, runner) = await AssignedAsync(app);
        var second = await RunnerAccountAsync(app, firm, "runner-b");
        string code, foreign;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            code = await system.Db.Buildings.Where(b => b.Id == firm.Building).Select(b => b.Code).SingleAsync();
            var neighbour = new Core.Territory.BusinessCommunity { Name = "邻近商务社区", StreetCode = firm.Street };
            system.Db.BusinessCommunities.Add(neighbour);
            await system.Db.SaveChangesAsync();
            var building = await system.Db.Buildings.Where(b => b.GridCode.StartsWith(firm.Street) && b.Id != firm.Building).OrderBy(b => b.Id).FirstAsync();
            (building.IsOffice, building.BusinessCommunityId, foreign) = (true, neighbour.Id, building.Code);
            await system.Db.SaveChangesAsync();
        }
        await using var staff = app.Scope(Staff(firm));
        async Task<ImportReport> ImportAsync(params string[] rows) =>
            (await staff.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.RunnerAssignments,
                ImportFiles.Csv(ImportFiles.Lines(["楼栋编号,助跑员用户名,起始日期", .. rows])), true, "runners.csv"), null, None)).Value!;

        var bad = await ImportAsync($"{code},runner-b,", $"{foreign},runner-b,");
        await using (var check = app.Scope(new SystemJurisdiction()))
        {
            Assert.Equal([runner], await check.Db.RunnerAssignments.AsNoTracking().Select(a => a.RunnerId).ToListAsync());
        }
        var good = await ImportAsync($"{code},runner-b,");

        Assert.False(bad.Committed);
        var error = Assert.Single(bad.Errors);
        Assert.Equal((3, "楼栋编号"), (error.Row, error.Column));
        Assert.Contains("不存在，或不是您管辖范围内商务社区的楼宇", error.Reason, StringComparison.Ordinal);
        Assert.Equal((true, 1), (good.Committed, good.Inserted));
        await using var after = app.Scope(new SystemJurisdiction());
        var rows = await after.Db.RunnerAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([runner, second], rows.Select(a => a.RunnerId));
        Assert.Null(rows[1].Until);
    }

    [Fact]
    public void TheCutOffsMatchThePolicyAtMonthEnds()
    {
        foreach (var today in new[] { new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 5, 30), new DateOnly(2026, 11, 23) })
        {
            foreach (var months in new[] { 3, 12 })
            {
                for (var last = today.AddDays(-500); last <= today; last = last.AddDays(1))
                {
                    Assert.Equal(last.AddMonths(months) > today, last >= SweepCounts.CoveredFrom(months, today));
                    Assert.Equal(last.AddMonths(months) < today, last < SweepCounts.OverdueBefore(months, today));
                }
            }
        }
    }

    private sealed record Firm(int Id, int Building, string Grid, string Street, int Community);

    private static AccountJurisdiction Runner(Firm firm, string id) =>
        AccountJurisdiction.Of(StaffRole.Runner, firm.Street, "助跑员", null, userId: id).WithEnterprises(null, firm.Community);

    private static AccountJurisdiction Staff(Firm firm) =>
        AccountJurisdiction.Of(StaffRole.BusinessCommunityStaff, firm.Street, "商务社区", null, userId: "bc-staff").WithEnterprises(null, firm.Community);

    /// <summary>A runner account of the first firm's community with the firm's building assigned since a month ago.</summary>
    private static async Task<(Firm Firm, string Runner)> AssignedAsync(AppHarness app)
    {
        Firm firm;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            firm = await system.Db.Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
                .Select(e => new Firm(e.Id, e.BuildingId!.Value, e.GridCode, e.Building!.BusinessCommunity!.StreetCode, e.Building.BusinessCommunityId!.Value))
                .FirstAsync();
        }
        var runner = await RunnerAccountAsync(app, firm, "runner-a");
        await using var staff = app.Scope(Staff(firm));
        await Ok(staff.Get<AssignBuildingsHandler>().HandleAsync(new AssignBuildings("runner-a", [firm.Building], app.Clock.Today().AddMonths(-1)), None));
        return (firm, runner);
    }

    private static async Task<string> RunnerAccountAsync(AppHarness app, Firm firm, string name, int? community = -1)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var user = new StaffUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, Role = StaffRole.Runner,
            ScopeCode = firm.Street, BusinessCommunityId = community == -1 ? firm.Community : community,
        };
        system.Db.Users.Add(user);
        await system.Db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        return outcome.Value!;
    }
}
