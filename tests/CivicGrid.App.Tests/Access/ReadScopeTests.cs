using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Enterprises;
using CivicGrid.App.PublicServices.LifeEvents;
using CivicGrid.App.Tests.Enterprises;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Access;

/// <summary>Each read scope returns exactly what its name promises, whoever asks.</summary>
public class ReadScopeTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PublicGeographyIsTheWholeMapToAnyoneAndLeadsToNoPersonalData(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int nodes, buildings;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            (nodes, buildings) = (await system.Db.TerritoryNodes.CountAsync(), await system.Db.Buildings.CountAsync());
        }
        await using var nobody = app.Scope(new CurrentJurisdiction());
        Assert.Equal(0, await nobody.Db.TerritoryNodes.CountAsync());
        Assert.Equal(nodes, await nobody.Db.PublicGeography().TerritoryNodes.CountAsync());
        Assert.Equal(buildings, await nobody.Db.PublicGeography().Buildings.Include(b => b.BusinessCommunity).CountAsync());

        var reachable = Reachable(typeof(PublicGeographyScope).GetProperties().Select(p => p.PropertyType.GetGenericArguments()[0]));
        Assert.Equal([typeof(Building), typeof(BusinessCommunity), typeof(TerritoryNode)], reachable.OrderBy(t => t.Name));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OwnHouseholdIsTheLinkedResidentsHouseholdAndNothingElse(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        List<int> household;
        Resident me, outsider;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var householdId = await system.Db.Residents.Where(r => r.HouseholdId != null).GroupBy(r => r.HouseholdId)
                .Where(g => g.Count() > 1).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
            household = await system.Db.Residents.Where(r => r.HouseholdId == householdId).Select(r => r.Id).OrderBy(id => id).ToListAsync();
            me = await system.Db.Residents.FirstAsync(r => r.Id == household[0]);
            outsider = await system.Db.Residents.Where(r => r.HouseholdId != householdId).OrderBy(r => r.Id).FirstAsync();
            LifeEventLog.Add(system.Db, me, LifeEventKind.MoveIn, new DateOnly(2026, 1, 5), derived: false);
            LifeEventLog.Add(system.Db, outsider, LifeEventKind.MoveIn, new DateOnly(2026, 1, 5), derived: false);
            system.Db.Users.Add(new StaffUser { Id = "own-household", UserName = "own-household", DisplayName = "本户", Role = StaffRole.Resident, ScopeCode = me.GridCode, ResidentId = me.Id });
            system.Db.Users.Add(new StaffUser { Id = "unlinked", UserName = "unlinked", DisplayName = "未关联", Role = StaffRole.Resident, ScopeCode = me.GridCode });
            await system.Db.SaveChangesAsync();
        }

        await using (var resident = app.Scope(AccountJurisdiction.Of(StaffRole.Resident, me.GridCode, "本户", null, userId: "own-household")))
        {
            var own = await resident.Db.OwnHouseholdAsync(default);
            Assert.Equal(household, await own.Residents.Select(r => r.Id).OrderBy(id => id).ToListAsync());
            var events = await own.LifeEvents.Select(e => e.ResidentId).ToListAsync();
            Assert.Contains(me.Id, events);
            Assert.All(events, id => Assert.Contains(id, household));
            Assert.All(await own.ServiceEnrolments.Select(e => e.ResidentId).ToListAsync(), id => Assert.Contains(id, household));
            Assert.Equal(0, await resident.Db.Residents.CountAsync());
        }
        await using (var unlinked = app.Scope(AccountJurisdiction.Of(StaffRole.Resident, me.GridCode, "未关联", null, userId: "unlinked")))
        {
            var own = await unlinked.Db.OwnHouseholdAsync(default);
            Assert.Equal(0, await own.Residents.CountAsync());
            Assert.Equal(0, await own.LifeEvents.CountAsync());
        }
        await using var worker = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, me.GridCode, "网格员", null));
        Assert.Equal(0, await (await worker.Db.OwnHouseholdAsync(default)).Residents.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task HouseholdOfIsOneResidentsHousehold(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var system = app.Scope(new SystemJurisdiction());
        var member = await system.Db.Residents.Where(r => r.HouseholdId != null).OrderByDescending(r => r.Id).FirstAsync();
        var household = await system.Db.Residents.Where(r => r.HouseholdId == member.HouseholdId).Select(r => r.Id).OrderBy(id => id).ToListAsync();

        await using var nobody = app.Scope(new CurrentJurisdiction());
        var scope = await nobody.Db.HouseholdOfAsync(member.Id, default);
        Assert.Equal(household, await scope.Residents.Select(r => r.Id).OrderBy(id => id).ToListAsync());
        Assert.All(await scope.LifeEvents.Select(e => e.ResidentId).ToListAsync(), id => Assert.Contains(id, household));
        Assert.Empty(await (await nobody.Db.HouseholdOfAsync(-1, default)).Residents.ToListAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CaseFiguresAreASubtreesCasesForItsPlaceStaffAndTheFilteredCasesForAnyoneElse(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string street, otherStreet;
        int streetCases;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var snapshot = await system.Get<CaseReference>().GetAsync(system.Db, default);
            var (open, closed) = (snapshot.Items.Values.First(i => i.Public).Code, snapshot.Items.Values.FirstOrDefault(i => !i.Public)?.Code);
            var grids = await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).Select(n => n.Code).ToListAsync();
            var (grid, other) = (grids[0], grids.First(g => g[..9] != grids[0][..9]));
            (street, otherStreet) = (grid[..9], other[..9]);
            system.Db.Cases.AddRange(
                new Case { ItemCode = open, GridCode = grid, Description = "居民反映", Source = CaseSource.Resident },
                new Case { ItemCode = open, GridCode = grid, Description = "走访记录", Source = CaseSource.Visit },
                new Case { ItemCode = closed ?? open, GridCode = grid, Description = "不公开事项", Source = CaseSource.Resident },
                new Case { ItemCode = open, GridCode = other, Description = "另一街道", Source = CaseSource.Resident });
            await system.Db.SaveChangesAsync();
            streetCases = await system.Db.Cases.CountAsync(c => c.GridCode.StartsWith(street));
        }
        Assert.True(streetCases >= 3);

        async Task<(int Figures, int Filtered)> CountAs(AccountJurisdiction who, string subtree)
        {
            await using var scope = app.Scope(who);
            return (await scope.Db.CaseFigures().Within(subtree).CountAsync(), await scope.Db.Cases.CountAsync(c => c.GridCode.StartsWith(subtree)));
        }
        Assert.Equal(streetCases, (await CountAs(AccountJurisdiction.Of(StaffRole.DistrictAdmin, "330105", "区管理员", null), street)).Figures);
        Assert.Equal(streetCases, (await CountAs(AccountJurisdiction.Of(StaffRole.StreetOfficial, street, "街道", null), street)).Figures);
        var outside = await CountAs(AccountJurisdiction.Of(StaffRole.StreetOfficial, street, "街道", null), otherStreet);
        Assert.Equal((0, 0), outside);
        var supervisor = await CountAs(AccountJurisdiction.Of(StaffRole.CivicSupervisor, "330105", "监督员", null), street);
        Assert.Equal(supervisor.Filtered, supervisor.Figures);
        Assert.True(supervisor.Figures < streetCases, "a civic supervisor counts the public cases only");
        var handler = await CountAs(AccountJurisdiction.Of(StaffRole.DepartmentHandler, "330105", "部门", null, departmentCode: "~none"), "");
        Assert.Equal((0, 0), handler);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PublicCasesAreThePublicItemsNotRecordedOnAVisit(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        List<int> expected;
        CaseReferenceSnapshot snapshot;
        int hidden;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            snapshot = await system.Get<CaseReference>().GetAsync(system.Db, default);
            var publicItems = snapshot.Items.Values.Where(i => i.Public).Select(i => i.Code).ToList();
            var grid = await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            var raised = new Case { ItemCode = publicItems[0], GridCode = grid, Description = "居民反映", Source = CaseSource.Resident };
            var visit = new Case { ItemCode = publicItems[0], GridCode = grid, Description = "走访记录", Source = CaseSource.Visit };
            system.Db.Cases.AddRange(raised, visit);
            if (snapshot.Items.Values.FirstOrDefault(i => !i.Public) is { } closed)
            {
                system.Db.Cases.Add(new Case { ItemCode = closed.Code, GridCode = grid, Description = "不公开事项", Source = CaseSource.Resident });
            }
            await system.Db.SaveChangesAsync();
            hidden = visit.Id;
            expected = await system.Db.Cases.Where(c => c.Source != CaseSource.Visit && publicItems.Contains(c.ItemCode)).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        }
        Assert.NotEmpty(expected);
        await using var nobody = app.Scope(new CurrentJurisdiction());
        var seen = await nobody.Db.PublicCases().Cases(snapshot.PublicItemCodes).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(expected, seen);
        Assert.DoesNotContain(hidden, seen);
        Assert.Empty(await nobody.Db.PublicCases().ByToken("no such token").ToListAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SystemWorkAndDistrictChecksSeeTheWholeDistrictWhoeverActs(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int residents, households;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            (residents, households) = (await system.Db.Residents.CountAsync(), await system.Db.Households.CountAsync());
        }
        await using var nobody = app.Scope(new CurrentJurisdiction());
        Assert.Equal(residents, await nobody.Db.SystemWork().Residents.CountAsync());
        Assert.Equal(households, await nobody.Db.SystemWork().Households.CountAsync());
        Assert.Equal(residents, await nobody.Db.DistrictChecks().Residents.CountAsync());
        Assert.Equal(households, await nobody.Db.DistrictChecks().Households.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NeedsWithBuildingAreTheNeedsTheFilterShowsEachWithItsFirmsBuilding(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (street, otherStreet) = await DemoEnterpriseLists.SeedAsync(app, 60);

        async Task<(List<(int, int?)> Scope, List<(int, int?)> Filtered)> ReadAs(IJurisdiction who)
        {
            await using var scope = app.Scope(who);
            var read = await scope.Db.NeedsWithBuilding().Needs.Select(x => new { x.Need.Id, x.BuildingId }).ToListAsync();
            var filtered = await scope.Db.EnterpriseNeeds.Join(scope.Db.Enterprises, n => n.EnterpriseId, e => e.Id, (n, e) => new { n.Id, e.BuildingId }).ToListAsync();
            return (read.Select(x => (x.Id, x.BuildingId)).Order().ToList(), filtered.Select(x => (x.Id, x.BuildingId)).Order().ToList());
        }
        var district = await ReadAs(AccountJurisdiction.Of(StaffRole.DistrictAdmin, "330105", "区管理员", null));
        var own = await ReadAs(AccountJurisdiction.Of(StaffRole.StreetOfficial, street, "街道", null));
        var other = await ReadAs(AccountJurisdiction.Of(StaffRole.StreetOfficial, otherStreet, "街道", null));

        Assert.Equal(60, district.Scope.Count);
        Assert.All(district.Scope, n => Assert.NotNull(n.Item2));
        Assert.Equal(district.Filtered, district.Scope);
        Assert.Equal(own.Filtered, own.Scope);
        Assert.Equal(60, own.Scope.Count);
        Assert.Equal((0, 0), (other.Scope.Count, other.Filtered.Count));
    }

    /// <summary>Every entity type reachable by navigation from <paramref name="roots"/>.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }
            foreach (var property in type.GetProperties())
            {
                var target = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (target.Namespace?.StartsWith("CivicGrid", StringComparison.Ordinal) == true && target.IsClass)
                {
                    queue.Enqueue(target);
                }
            }
        }
        return seen;
    }
}
