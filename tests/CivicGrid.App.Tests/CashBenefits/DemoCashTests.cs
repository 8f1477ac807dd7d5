using CivicGrid.App.Access;
using CivicGrid.App.CashBenefits;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.CashBenefits;

/// <summary>The small demo's old-age allowance: three months of each street's lists in the states a new user meets.</summary>
public class DemoCashTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSmallDemoHasThreeMonthsOfListsFromClosedToDraft(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, DemoScale.Small);
        await using var scope = app.Scope(new SystemJurisdiction("tests"));
        var month = BenefitMonth.Of(DateOnly.FromDateTime(AppHarness.Now.UtcDateTime));
        var lists = await scope.Db.PaymentLists.AsNoTracking().OrderBy(l => l.Month).ThenBy(l => l.StreetCode).ToListAsync();
        string Of(int back) => string.Join(",", lists.Where(l => l.Month == month.Plus(-back).Index).Select(l => l.Status));

        Assert.Equal(1, await scope.Db.BenefitSchedules.CountAsync());
        Assert.Equal(6, lists.Count);
        Assert.Equal("Closed,Closed", Of(2));
        Assert.Equal("Exported,StreetApproved", Of(1));
        Assert.Equal("Draft,Draft", Of(0));
        Assert.All(lists, l => Assert.True(l.LineCount > 0));
        var closed = lists.Where(l => l.Status == PaymentListStatus.Closed).Select(l => l.Id).ToList();
        Assert.Equal(2, await scope.Db.PaymentLines.CountAsync(l => closed.Contains(l.PaymentListId) && l.Status == PaymentLineStatus.Failed));
        Assert.Equal(0, await scope.Db.PaymentLines.CountAsync(l => closed.Contains(l.PaymentListId) && l.Status == PaymentLineStatus.Pending));
        Assert.All(lists.Where(l => l.Status >= PaymentListStatus.Exported), l => Assert.Equal(64, l.ExportChecksum?.Length));
        var accounts = scope.Db.PayeeAccounts;
        Assert.False(await scope.Db.PaymentLines.AnyAsync(l => !accounts.Any(a => a.ResidentId == l.ResidentId)));
    }
}
