using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>A draft rebuilt keeps the lines that come out the same and replaces only what changed.</summary>
public class RebuildTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARebuiltDraftKeepsItsUnchangedLinesAndDropsOnlyTheOneNoLongerOwed(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using (var district = app.Scope(new SystemJurisdiction("区民政")))
        {
            var saved = await district.Get<SaveBenefitScheduleHandler>().HandleAsync(new SaveBenefitSchedule("S01",
                [new("age >= 80", "100")], BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, "2026-11", 0, true), default);
            Assert.True(saved.Kind == OutcomeKind.Ok, string.Join(";", saved.Errors.SelectMany(e => e.Value)));
        }
        await using var scope = app.Scope(new SystemJurisdiction("街道"));
        var db = scope.Db;
        var street = await db.Residents.Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered && r.BirthDate <= new DateOnly(1946, 10, 31))
            .GroupBy(r => r.GridCode.Substring(0, 9)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var build = scope.Get<BuildPaymentListHandler>();

        var first = (await build.HandleAsync(new("S01", street, "2026-11"), default)).Value!;
        var before = await LinesAsync(db, first.Id);
        var again = (await build.HandleAsync(new("S01", street, "2026-11"), default)).Value!;
        var unchanged = await LinesAsync(db, first.Id);
        var gone = before[0].ResidentId;
        await db.Residents.Where(r => r.Id == gone).ExecuteUpdateAsync(u => u.SetProperty(r => r.DepartedOn, new DateOnly(2026, 10, 20)).SetProperty(r => r.Departure, Departure.MovedOut));
        var third = (await build.HandleAsync(new("S01", street, "2026-11"), default)).Value!;
        var after = await LinesAsync(db, first.Id);

        Assert.True(before.Count >= 2, "the street should have two or more entitled");
        Assert.Equal(before, unchanged);
        Assert.Equal(first.LineCount, again.LineCount);
        Assert.Equal(before.Skip(1), after);
        Assert.Equal((first.LineCount - 1, first.TotalFen - 10_000), (third.LineCount, third.TotalFen));
    }

    private static async Task<List<(int Id, int ResidentId, long AmountFen)>> LinesAsync(CivicGridDbContext db, int list) =>
        (await db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == list).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.ResidentId, l.AmountFen }).ToListAsync()).ConvertAll(l => (l.Id, l.ResidentId, l.AmountFen));
}
