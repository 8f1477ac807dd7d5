using CivicGrid.App.Access;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.PublicServices;

public class TargetListTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryTargetListIsTheRecountOfItsRuleAlsoRightAfterResidentsAndEnrolmentsChange(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await AssertEveryListIsTheRecountAsync(app);
        var (aged, ended, departed) = await ChangeAsync(app);

        await AssertEveryListIsTheRecountAsync(app);
        var missed = await PeopleAsync(app, "S01", TargetGroup.Missed);
        var eligible = await PeopleAsync(app, "S01", TargetGroup.Eligible);
        Assert.Contains(aged, missed);
        Assert.Contains(ended, missed);
        Assert.DoesNotContain(departed, eligible);
    }

    /// <summary>
    /// Through the data, as any write path leaves it: a resident turns 85 (eligible for S01, never reached), an
    /// enrolment in S01 ends, and a resident enrolled in S01 departs.
    /// </summary>
    private static async Task<(int Aged, int Ended, int Departed)> ChangeAsync(AppHarness app)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        var s01 = await db.ServiceItems.Where(s => s.Code == "S01").Select(s => s.Id).SingleAsync();
        var aged = await db.Residents.Where(r => r.DepartedOn == null && r.BirthDate > Today.AddYears(-60)
            && !db.ServiceEnrolments.Any(e => e.ResidentId == r.Id && e.ServiceItemId == s01)).OrderBy(r => r.Id).FirstAsync();
        aged.BirthDate = Today.AddYears(-85);
        aged.ResidenceType = ResidenceType.Registered;
        var reaching = await db.ServiceEnrolments.Where(e => e.ServiceItemId == s01 && e.Status != EnrolmentStatus.Ended
            && db.Residents.Any(r => r.Id == e.ResidentId && r.DepartedOn == null)).OrderBy(e => e.Id).Take(2).ToListAsync();
        Assert.Equal(2, reaching.Count);
        reaching[0].Status = EnrolmentStatus.Ended;
        var departed = await db.Residents.SingleAsync(r => r.Id == reaching[1].ResidentId);
        departed.DepartedOn = Today;
        departed.Departure = Departure.MovedOut;
        await db.SaveChangesAsync();
        return (aged.Id, reaching[0].ResidentId, departed.Id);
    }

    /// <summary>Every published service's district list, a street's list and their eligible and missed people, against the rules evaluated in memory.</summary>
    private static async Task AssertEveryListIsTheRecountAsync(AppHarness app)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        var facts = await ResidentFactsReader.ReadAsync(db, "", default);
        var rules = await scope.Get<PublishedRules>().GetAsync(db, scope.Get<RuleBook>(), default);
        var street = await db.TerritoryNodes.Where(n => n.Code.Length == 9).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var reaching = (await db.ServiceEnrolments.AsNoTracking().Where(e => e.ServiceItemId == rule.ServiceId && e.Status != EnrolmentStatus.Ended)
                .Select(e => e.ResidentId).ToListAsync()).ToHashSet();
            var selected = facts.Where(f => rule.Rule.Matches(in f)).ToList();
            var missed = selected.Where(f => !reaching.Contains(f.ResidentId)).ToList();
            foreach (var node in new[] { "", street })
            {
                var list = (await scope.Get<GetServiceTargetsHandler>().HandleAsync(new GetServiceTargets(rule.ServiceId, node), default)).Value!;
                var within = selected.Where(f => f.GridCode.StartsWith(node, StringComparison.Ordinal)).ToList();
                Assert.Equal(within.Count, list.Total.Eligible);
                Assert.Equal(missed.Count(f => f.GridCode.StartsWith(node, StringComparison.Ordinal)), list.Total.Missed);
                foreach (var row in list.Rows)
                {
                    Assert.Equal(within.Count(f => f.GridCode.StartsWith(row.Code, StringComparison.Ordinal)), row.Eligible);
                    Assert.Equal(missed.Count(f => f.GridCode.StartsWith(row.Code, StringComparison.Ordinal)), row.Missed);
                }
            }
            Assert.Equal(selected.Select(f => f.ResidentId).Order(), await PeopleAsync(app, rule.Code, TargetGroup.Eligible));
            Assert.Equal(missed.Select(f => f.ResidentId).Order(), await PeopleAsync(app, rule.Code, TargetGroup.Missed));
        }
    }

    /// <summary>The ids on every page of a district list's people, pages of 7 so that several pages are read.</summary>
    private static async Task<List<int>> PeopleAsync(AppHarness app, string serviceCode, TargetGroup group)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var service = await scope.Db.ServiceItems.Where(s => s.Code == serviceCode).Select(s => s.Id).SingleAsync();
        var ids = new List<int>();
        for (var number = 1; ; number++)
        {
            var page = (await scope.Get<ListTargetPeopleHandler>().HandleAsync(new ListTargetPeople(service, null, group, number, 7), default)).Value!;
            ids.AddRange(page.Items.Select(p => p.ResidentId));
            if (number >= page.PageCount)
            {
                Assert.Equal(page.Total, ids.Count);
                return ids;
            }
        }
    }
}
