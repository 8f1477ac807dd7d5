using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>
/// A resident who died within the arrears window is judged on the same facts as the living: a tier on the household's
/// tags still holds for her in the months before her death, through a tag another member of her household carries.
/// </summary>
public class DepartedFactsTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ADepartedResidentIsOwedHerMonthsByHerHouseholdsFactsNotByHerOwnAlone(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (street, resident, tag) = await ArrangeAsync(app);
        await using (var district = app.Scope(new SystemJurisdiction("区民政乙")))
        {
            var saved = await district.Get<SaveBenefitScheduleHandler>().HandleAsync(new SaveBenefitSchedule("S01",
                [new($"age >= 80 and household.has_tag('{tag}')", "100")], BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, "2026-10", 3, true), default);
            Assert.True(saved.Kind == OutcomeKind.Ok, string.Join(";", saved.Errors.SelectMany(e => e.Value)));
        }

        await using var scope = app.Scope(new SystemJurisdiction("街道甲"));
        var built = await scope.Get<BuildPaymentListHandler>().HandleAsync(new("S01", street, "2026-11"), default);
        Assert.True(built.Kind == OutcomeKind.Ok, string.Join(";", built.Errors.SelectMany(e => e.Value)));
        var hers = await scope.Db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == built.Value!.Id && l.ResidentId == resident)
            .OrderBy(l => l.Period).Select(l => l.Period).ToListAsync();

        // October (arrears) and November, the month of her death; her own record carries no such tag.
        Assert.Equal([BenefitMonth.Of(2026, 10).Index, BenefitMonth.Of(2026, 11).Index], hers);
    }

    /// <summary>
    /// A registered resident of 80 by the end of September in a household of two or more, none of whose members carries
    /// the first tag but another member, given it now; she died on 10 November.
    /// </summary>
    private static async Task<(string Street, int Resident, string Tag)> ArrangeAsync(AppHarness app)
    {
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var db = scope.Db;
        var tag = await db.Tags.OrderBy(t => t.Id).FirstAsync();
        var born = new DateOnly(2026, 9, 30).AddYears(-80);
        var candidates = await db.Residents.Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered && r.BirthDate <= born
                && r.HouseholdId != null && !r.Tags.Any(t => t.Id == tag.Id))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.HouseholdId }).ToListAsync();
        foreach (var c in candidates)
        {
            var others = await db.Residents.Include(r => r.Tags)
                .Where(r => r.HouseholdId == c.HouseholdId && r.Id != c.Id && r.DepartedOn == null).ToListAsync();
            if (others.Count == 0 || others.Any(o => o.Tags.Any(t => t.Id == tag.Id)))
            {
                continue;
            }
            others[0].Tags.Add(tag);
            var her = await db.Residents.FirstAsync(r => r.Id == c.Id);
            (her.DepartedOn, her.Departure) = (new DateOnly(2026, 11, 10), Departure.Died);
            await db.SaveChangesAsync();
            return (her.GridCode[..9], her.Id, tag.Name);
        }
        throw new InvalidOperationException("The tiny district has no registered resident of 80 living with someone else.");
    }
}
