using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

public class ServiceJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AnOfficialPublishesARuleAndANewlyRegistered80YearOldGetsTheOffer(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);

        // The district official builds the rule from conditions and sees how many residents it selects per street.
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");
        await admin.GotoAsync("/services/new");
        await admin.FillAsync("#code", "S90");
        await admin.FillAsync("#name", "高龄老人健康包");
        await admin.FillAsync("#description", "80周岁以上户籍老人每年一份健康包，免申即享。");
        await admin.CheckAsync("input[name='Input.FacilityTypes'][value=centre]");
        await admin.ClickAsync("#rule-builder .rule-add");
        await admin.FillAsync(".rule-condition >> nth=0 >> .rule-value", "80");
        await admin.ClickAsync("#rule-builder .rule-add");
        await admin.SelectOptionAsync(".rule-condition >> nth=1 >> .rule-field", "residence");
        await admin.WaitForSelectorAsync("#rule-total");
        var expected = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Residents
            .CountAsync(r => r.BirthDate <= new DateOnly(1946, 11, 23) && r.ResidenceType == ResidenceType.Registered));
        await admin.WaitForFunctionAsync($"document.querySelector('#rule-total').dataset.total === '{expected}'");
        Assert.Equal("age >= 80 and residence = '户籍'", await admin.InputValueAsync("#rule-text"));
        Assert.Equal(2, await admin.Locator("#rule-areas tr").CountAsync());
        await BrowserSite.ScreenshotAsync(admin, $"rule-builder-{kind}");
        await admin.ClickAsync("#publish");
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/services/\d+$"));
        var serviceUrl = new Uri(admin.Url).AbsolutePath;
        Assert.Equal("age >= 80 and residence = '户籍'", (await admin.InnerTextAsync("#rule")).Split('（')[0].Trim());

        // A grid worker registers a resident who has just moved in at 81.
        var grid = (await site.Factory.GridsAsync())[0].Code;
        var household = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Households.Where(h => h.GridCode == grid).OrderBy(h => h.Id).Select(h => h.Code).FirstAsync());
        var worker = await site.SignInAsync(StaffRole.GridWorker, grid);
        await worker.GotoAsync("/residents/register");
        await worker.FillAsync("#name", "钱老伯");
        await worker.FillAsync("#id-number", IdNumber.Compose("330105", new DateOnly(1945, 3, 8), 211, Gender.Male));
        await worker.FillAsync("#household", household);
        await worker.ClickAsync("#register");
        await worker.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/life-events/\d+$"));

        // He is on the new service's target list as offered, with a visit task for the grid worker.
        await worker.GotoAsync(serviceUrl + "?group=Offered");
        await worker.WaitForSelectorAsync("#people-list");
        Assert.Contains("钱老伯", await worker.InnerTextAsync("#people-list"), StringComparison.Ordinal);
        Assert.Equal("1", (await worker.InnerTextAsync("#targets-total td >> nth=2")).Trim());
        await BrowserSite.ScreenshotAsync(worker, $"target-list-{kind}");
        await worker.ClickAsync("#people-list a");
        await worker.WaitForSelectorAsync("#enrolments");
        Assert.Contains("已推送", await worker.InnerTextAsync("#enrolments tr[data-service='高龄老人健康包']"), StringComparison.Ordinal);
        await worker.GotoAsync("/visits");
        Assert.Contains("高龄老人健康包", await worker.InnerTextAsync("#tasks"), StringComparison.Ordinal);
    }
}
