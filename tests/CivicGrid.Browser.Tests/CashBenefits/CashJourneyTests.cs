using System.Text;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.CashBenefits;

/// <summary>
/// 高龄津贴 from end to end with the pages' own buttons: the district sets the schedule; a resident turns 80 and is on the
/// next month's list; the street and then the district approve; the bank file is exported; the bank's return comes back
/// with her payment failed; the grid worker records her account; the next month pays her arrears; her page shows both.
/// </summary>
public class CashJourneyTests(ITestOutputHelper output)
{
    private const string Name = "孙阿婆";

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AResidentTurns80IsPaidAfterAFailureAndSeesBothPayments(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var grid = (await site.Factory.GridsAsync())[0].Code;
        var street = grid[..9];
        var adminName = await site.Factory.CreateAccountAsync(StaffRole.DistrictAdmin, "330105");
        var officialName = await site.Factory.CreateAccountAsync(StaffRole.StreetOfficial, street);
        var workerName = await site.Factory.CreateAccountAsync(StaffRole.GridWorker, grid);

        // The district sets the allowance from January, by age tiers, with three months of arrears for late or failed payments.
        var admin = await SignInAsync(site, adminName);
        await admin.GotoAsync("/cash/S01/schedule");
        string[] rules = ["age >= 80 and age < 90", "age >= 90 and age < 100", "age >= 100"];
        string[] amounts = ["100", "200", "500"];
        for (var i = 0; i < rules.Length; i++)
        {
            await admin.FillAsync($"#tier-rule-{i}", rules[i]);
            await admin.FillAsync($"#tier-amount-{i}", amounts[i]);
        }
        await admin.FillAsync("#effective-from", "2027-01");
        await admin.FillAsync("#arrears", "3");
        await admin.ClickAsync("#save-schedule");
        await admin.WaitForSelectorAsync("#done");
        Assert.Contains("v1", await admin.InnerTextAsync("#versions"), StringComparison.Ordinal);

        // A grid worker registers her; she turns 80 on 10 December, so she is owed from January.
        var worker = await SignInAsync(site, workerName);
        var household = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Households
            .Where(h => h.GridCode == grid).OrderBy(h => h.Id).Select(h => h.Code).FirstAsync());
        await worker.GotoAsync("/residents/register");
        await worker.FillAsync("#name", Name);
        await worker.FillAsync("#id-number", IdNumber.Compose("330105", new DateOnly(1946, 12, 10), 212, Gender.Female));
        await worker.FillAsync("#household", household);
        await worker.ClickAsync("#register");
        await worker.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/life-events/\d+$"));
        var residentId = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Residents
            .Where(r => r.Name == Name).Select(r => r.Id).SingleAsync());

        // January: the street builds and approves, the district approves and exports, the bank fails her payment.
        site.Factory.Clock.Advance(TimeSpan.FromDays(43));
        var january = await BuildAndApproveAsync(site, officialName, adminName, street, "2027-01");
        var (official, district) = (january.Official, january.District);
        Assert.Contains(Name, await official.InnerTextAsync("#lines"), StringComparison.Ordinal);
        var bankFile = await ExportAsync(district);
        Assert.Contains(Name, bankFile, StringComparison.Ordinal);
        await ReturnAsync(district, bankFile, failing: Name);
        await district.GotoAsync($"/cash/lists/{january.Id}");
        Assert.Equal("1", (await district.InnerTextAsync("#failed-count")).Trim());
        await district.ClickAsync("#act-Close");
        await district.WaitForSelectorAsync("#done");
        Assert.Contains("已对账关账", await district.InnerTextAsync("#list-status"), StringComparison.Ordinal);

        // The grid worker records her account and marks the failure fixed.
        worker = await SignInAsync(site, workerName);
        await worker.GotoAsync("/cash/failures");
        var row = worker.Locator("#failures tr.failure", new PageLocatorOptions { HasText = Name });
        await row.Locator("input[name=Bank]").FillAsync("中国农业银行杭州分行");
        await row.Locator("input[name=Account]").FillAsync("6228480012345678901");
        await row.Locator("button.fix").ClickAsync();
        await worker.WaitForSelectorAsync("#done");
        Assert.Equal(0, await worker.Locator("#failures tr.failure", new PageLocatorOptions { HasText = Name }).CountAsync());
        await BrowserSite.ScreenshotAsync(worker, $"cash-failures-{kind}");

        // February pays her January arrears and February; the bank pays everyone.
        site.Factory.Clock.Advance(TimeSpan.FromDays(29));
        var february = await BuildAndApproveAsync(site, officialName, adminName, street, "2027-02");
        Assert.Equal(2, await february.Official.Locator($"#lines tr.line[data-resident='{residentId}']").CountAsync());
        var second = await ExportAsync(february.District);
        Assert.Contains("6228480012345678901", second, StringComparison.Ordinal);
        await ReturnAsync(february.District, second, failing: null);

        // Her own page: January failed, then January and February paid.
        var residentName = await LinkAsync(site, grid, residentId);
        var resident = await site.SignInAsync(residentName, LayoutSites.Phone());
        await resident.GotoAsync("/my/services");
        var payments = await resident.Locator("#my-payments tr.payment").AllInnerTextsAsync();
        Assert.Equal(3, payments.Count);
        Assert.Equal(2, payments.Count(p => p.Contains("已发放", StringComparison.Ordinal)));
        Assert.Single(payments, p => p.Contains("发放失败", StringComparison.Ordinal) && p.Contains("2027-01", StringComparison.Ordinal));
        await BrowserSite.ScreenshotAsync(resident, $"cash-resident-{kind}");
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private static Task<IPage> SignInAsync(BrowserSite site, string userName) =>
        site.SignInAsync(userName, new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>The street official builds the month's list from the service's cash page and approves it; a district admin approves it too.</summary>
    private static async Task<(int Id, IPage Official, IPage District)> BuildAndApproveAsync(BrowserSite site, string officialName, string adminName, string street, string month)
    {
        var official = await SignInAsync(site, officialName);
        await official.GotoAsync("/cash/S01");
        await official.SelectOptionAsync("#build-street", street);
        await official.FillAsync("#build-month", month);
        await official.ClickAsync("#build");
        await official.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/cash/lists/\d+\?built=1$"));
        var id = int.Parse(new Uri(official.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await official.ClickAsync("#act-StreetApprove");
        await official.WaitForSelectorAsync("#done");
        Assert.Equal(0, await official.Locator("#act-DistrictApprove").CountAsync());

        var district = await SignInAsync(site, adminName);
        await district.GotoAsync($"/cash/lists/{id}");
        await district.ClickAsync("#act-DistrictApprove");
        await district.WaitForSelectorAsync("#done");
        Assert.Contains("区级已审批", await district.InnerTextAsync("#list-status"), StringComparison.Ordinal);
        await official.GotoAsync($"/cash/lists/{id}");
        return (id, official, district);
    }

    /// <summary>Exports the bank file as CSV from the list's page and returns its text.</summary>
    private static async Task<string> ExportAsync(IPage district)
    {
        await district.SelectOptionAsync("#export-format", "csv");
        var download = await district.RunAndWaitForDownloadAsync(() => district.ClickAsync("#export"));
        var text = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        await district.GotoAsync(new Uri(district.Url).AbsolutePath);
        Assert.Contains("SHA-256", await district.InnerTextAsync("#checksum"), StringComparison.Ordinal);
        return text;
    }

    /// <summary>The bank's return for every line of the file, all paid but <paramref name="failing"/>'s, imported from the list's page.</summary>
    private static async Task ReturnAsync(IPage district, string bankFile, string? failing)
    {
        var rows = bankFile.Split('\n').Select(l => l.Trim('\r', '\uFEFF')).Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith("合计", StringComparison.Ordinal)).Select(l => l.Split(','))
            .Select(f => f[1] == failing ? $"{f[0]},{f[5]},失败,账号为空" : $"{f[0]},{f[5]},成功,").ToList();
        var file = Path.Combine(Path.GetTempPath(), $"return-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["流水号,金额（元）,结果,失败原因", .. rows]);
        await district.ClickAsync("#import-return");
        Assert.Equal("BankReturns", await district.InputValueAsync("#kind"));
        await district.SetInputFilesAsync("#file", file);
        await district.ClickAsync("#preview");
        await district.ClickAsync("#commit");
        await district.WaitForSelectorAsync("#commit", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Contains(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await district.InnerTextAsync("#updates"), StringComparison.Ordinal);
        File.Delete(file);
    }

    /// <summary>A resident's account linked to her record, as staff link one after meeting her.</summary>
    private static async Task<string> LinkAsync(BrowserSite site, string grid, int residentId)
    {
        var userName = await site.Factory.CreateAccountAsync(StaffRole.Resident, grid);
        await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            (await db.Users.FirstAsync(u => u.UserName == userName)).ResidentId = residentId;
            await db.SaveChangesAsync();
            return 0;
        });
        return userName;
    }
}
