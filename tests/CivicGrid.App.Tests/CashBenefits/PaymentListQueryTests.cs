using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>What the list's page and the service's cash page read: a page of lines, the stops since last month, coverage.</summary>
public class PaymentListQueryTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AListShowsWhoStoppedAndWhyAndCoverageCountsTheEligibleAsTheTargetListDoes(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using (var district = app.Scope(new SystemJurisdiction("区民政乙")))
        {
            var saved = await district.Get<SaveBenefitScheduleHandler>().HandleAsync(new SaveBenefitSchedule("S01",
                [new("age >= 80", "100")], BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, "2026-10", 0, true), default);
            Assert.Equal(OutcomeKind.Ok, saved.Kind);
        }
        await using var scope = app.Scope(new SystemJurisdiction("街道甲"));
        var street = await scope.Db.Residents.Where(r => r.DepartedOn == null && r.ResidenceType == ResidenceType.Registered)
            .OrderBy(r => r.BirthDate).Select(r => r.GridCode.Substring(0, 9)).FirstAsync();
        var october = (await scope.Get<BuildPaymentListHandler>().HandleAsync(new("S01", street, "2026-10"), default)).Value!;
        var first = await scope.Db.PaymentLines.Where(l => l.PaymentListId == october.Id).OrderBy(l => l.Id).Select(l => l.ResidentId).FirstAsync();
        var her = await scope.Db.Residents.FirstAsync(r => r.Id == first);
        (her.DepartedOn, her.Departure) = (new DateOnly(2026, 10, 15), Departure.Died);
        await scope.Db.SaveChangesAsync();
        var november = (await scope.Get<BuildPaymentListHandler>().HandleAsync(new("S01", street, "2026-11"), default)).Value!;

        var page = (await scope.Get<GetPaymentListHandler>().HandleAsync(new GetPaymentList(november.Id, 1, 2), default)).Value!;
        Assert.Contains(page.Stops, s => s.ResidentId == first && s.ReasonText == "死亡");
        Assert.Equal(2, page.Lines.Count);
        Assert.Equal((november.LineCount + 1) / 2, page.PageCount);
        Assert.Contains(PaymentListAction.StreetApprove, page.Actions);

        var coverage = (await scope.Get<GetCashCoverageHandler>().HandleAsync(new GetCashCoverage("S01", "2026-11"), default)).Value!;
        var targets = (await scope.Get<GetServiceTargetsHandler>().HandleAsync(new GetServiceTargets(coverage.ServiceId, "330105"), default)).Value!;
        var row = Assert.Single(coverage.Rows, r => r.StreetCode == street);
        Assert.Equal(targets.Rows.Single(r => r.Code == street).Eligible, row.Eligible);
        Assert.Equal((november.LineCount, 0), (row.OnList, row.Paid));
        Assert.Equal(0, row.Coverage);
    }
}
