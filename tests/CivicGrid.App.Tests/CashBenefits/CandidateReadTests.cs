using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>
/// A list is built from the candidates the tiers select in the database, not from every resident of the street; the
/// narrowed read must miss no one a tier holds for in a month the list may pay and give each the facts the full read
/// gives (household members read along, the departed judged with their household).
/// </summary>
public class CandidateReadTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCandidateReadMissesNoOneATierHoldsForAndGivesEachTheFactsOfTheFullRead(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction("区民政"));
        var db = scope.Db;
        var tag = await db.Tags.OrderBy(t => t.Id).Select(t => t.Name).FirstAsync();
        var saved = await scope.Get<SaveBenefitScheduleHandler>().HandleAsync(new SaveBenefitSchedule("S01",
            [new($"age >= 85 and household.has_tag('{tag}')", "300"), new("age >= 70 and age < 85 and household.size >= 4", "200"),
                new("age >= 80 and age < 85 and household.size < 4", "100")],
            BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, "2026-06", 3, true), default);
        Assert.True(saved.Kind == OutcomeKind.Ok, string.Join(";", saved.Errors.SelectMany(e => e.Value)));
        var old = await db.Residents.Where(r => r.DepartedOn == null && r.HouseholdId != null).OrderBy(r => r.BirthDate).FirstAsync();
        (old.DepartedOn, old.Departure) = (new DateOnly(2026, 10, 5), Departure.Died);
        await db.SaveChangesAsync();

        var rules = scope.Get<RuleBook>();
        var (found, refusal) = await ScheduleReader.ReadAsync(db, "S01", await rules.ContextAsync(default), default);
        Assert.True(found is not null, refusal);
        var month = BenefitMonth.Of(2026, 11);
        var first = EntitlementCalculator.FirstMonthLookedAt(found.Compiled.Schedule, month);
        var months = Enumerable.Range(0, month.Index - first.Index + 1).Select(first.Plus).ToList();
        var candidates = found.Compiled.CandidatesSql(first, month, rules.Dialect);
        Assert.True(found.Compiled.ReadsHousehold);
        var (selected, departedSeen) = (0, 0);
        foreach (var street in await db.TerritoryNodes.Where(n => n.Code.Length == 9).Select(n => n.Code).ToListAsync())
        {
            var (allActive, allDeparted) = await ResidentFactsReader.ReadWithDepartedAsync(db, street, first.FirstDay, default);
            var (active, departed) = await ResidentFactsReader.ReadWithDepartedAsync(db, street, first.FirstDay, [candidates], withHouseholds: true, default);

            var expected = allActive.Where(f => months.Any(m => found.Compiled.Rate(m, f) is not null)).OrderBy(f => f.ResidentId).ToList();
            Assert.Equal(expected, active.OrderBy(f => f.ResidentId));
            Assert.Equal(allDeparted.OrderBy(d => d.Facts.ResidentId), departed.OrderBy(d => d.Facts.ResidentId));
            (selected, departedSeen) = (selected + active.Length, departedSeen + departed.Length);
        }
        Assert.True(selected > 0 && departedSeen > 0, $"{selected} candidates, {departedSeen} departed: the tiny district should give both");
    }
}
