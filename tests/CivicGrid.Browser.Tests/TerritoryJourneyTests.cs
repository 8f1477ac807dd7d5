using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

public class TerritoryJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AnOfficialGoesFromTheMapDownToAHouseholdAndSeesMaskedIds(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var page = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");

        await page.ClickAsync("text=查看辖区地图");
        await page.WaitForSelectorAsync("#map[data-features]");
        Assert.Equal("2", await page.GetAttributeAsync("#map", "data-features"));
        await BrowserSite.ScreenshotAsync(page, $"district-{kind}");

        // A street on the map: click its polygon.
        await page.Locator("#map path.leaflet-interactive").First.DispatchEventAsync("click");
        await page.WaitForURLAsync("**/territory/330105001");
        await page.WaitForSelectorAsync("#map[data-features]");
        Assert.Contains("小河街道", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // The street's map and its labels settle first: once, on a busy machine, the page stayed on the street after
        // the click on the first community's link.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ClickAsync("#children a >> nth=0");
        await page.WaitForURLAsync("**/territory/330105001001");
        await page.ClickAsync("#children a >> nth=0");
        await page.WaitForURLAsync("**/territory/330105001001001");
        await page.WaitForSelectorAsync("#map[data-features]");
        await BrowserSite.ScreenshotAsync(page, $"grid-{kind}");
        Assert.Equal("330105001001001", await page.InnerTextAsync("#node-code"));

        await page.ClickAsync("#buildings a >> nth=0");
        await page.ClickAsync("#households a >> nth=0");
        await page.WaitForSelectorAsync("#members");
        var firstId = await page.InnerTextAsync("#members .masked-id >> nth=0");
        await BrowserSite.ScreenshotAsync(page, $"household-{kind}");

        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", firstId);
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AGridWorkerRevealsAnIdAndTheRevealIsAudited(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var page = await site.SignInAsync(StaffRole.GridWorker, "330105001001001");

        await page.GotoAsync("/residents");
        await page.ClickAsync("#residents tbody a >> nth=0");
        var masked = await page.InnerTextAsync("#id-number");
        await page.ClickAsync("#reveal");
        var refused = await page.InnerTextAsync("#reveal-error");
        await page.FillAsync("#reveal-reason", "上门核实身份");
        await page.ClickAsync("#reveal");
        await page.WaitForSelectorAsync("#revealed");
        var full = await page.InnerTextAsync("#id-number");

        Assert.Contains("请填写查看事由", refused, StringComparison.Ordinal);
        Assert.Contains("*", masked, StringComparison.Ordinal);
        Assert.Matches(@"^\d{17}[\dX]$", full);
        Assert.EndsWith(masked[^4..], full, StringComparison.Ordinal);
        var audited = await site.Factory.AsSystemAsync(async services =>
        {
            var db = (App.Data.CivicGridDbContext)services.GetService(typeof(App.Data.CivicGridDbContext))!;
            return db.AuditEntries.Where(e => e.Action == "reveal").Select(e => e.Detail).ToList();
        });
        Assert.Equal("IdNumber,Phone: 上门核实身份", Assert.Single(audited));
    }

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task AFileWithErrorsIsPreviewedWithRowColumnAndReasonAndNotImported(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var page = await site.SignInAsync(StaffRole.CommunityStaff, "330105001001");
        var file = Path.Combine(Path.GetTempPath(), $"residents-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "姓名,身份证号,居住类型,网格编码\r\n张三,110105194912310021,户籍,330105001001001\r\n李四,11010519491231002X,户籍,330105001001001\r\n");

        await page.GotoAsync("/import");
        await page.SelectOptionAsync("#kind", "Residents");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#preview");
        await page.WaitForSelectorAsync("#report");
        await BrowserSite.ScreenshotAsync(page, $"import-errors-{kind}");

        Assert.Contains("错误 1", await page.InnerTextAsync("#error-count"), StringComparison.Ordinal);
        Assert.Contains("有错误的行 1", await page.InnerTextAsync("#error-rows"), StringComparison.Ordinal);
        var row = await page.InnerTextAsync("#errors tbody tr");
        Assert.Contains("2", row, StringComparison.Ordinal);
        Assert.Contains("身份证号校验位错误", row, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#commit").CountAsync());
        File.Delete(file);
    }

    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AGoodFileIsPreviewedThenImportedByClickingConfirm(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var page = await site.SignInAsync(StaffRole.GridWorker, "330105001001001");
        var file = Path.Combine(Path.GetTempPath(), $"residents-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "姓名,身份证号,居住类型,网格编码\r\n王导入,330105198001010017,户籍,330105001001001\r\n赵导入,330105198502020029,户籍,330105001001001\r\n");

        await page.GotoAsync("/import");
        await page.SelectOptionAsync("#kind", "Residents");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#preview");
        await page.WaitForSelectorAsync("#commit");
        Assert.Contains("新增 2", await page.InnerTextAsync("#inserts"), StringComparison.Ordinal);

        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#commit"), r => r.Request.Method == "POST");
        Assert.Equal(200, answer.Status);
        await page.WaitForSelectorAsync("#report h2:has-text('导入完成')");
        var imported = await site.Factory.AsSystemAsync(services =>
        {
            var db = (App.Data.CivicGridDbContext)services.GetService(typeof(App.Data.CivicGridDbContext))!;
            return Task.FromResult(db.Residents.Count(r => r.Name == "王导入" || r.Name == "赵导入"));
        });
        Assert.Equal(2, imported);
        File.Delete(file);
    }
}
