using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Admin;

/// <summary>The district admin keeps the deliberation list and the departments through the pages' own buttons.</summary>
public class ReferenceAdminJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task TheAdminAddsEditsAndRetiresAnItemAndRetiresADepartmentOnThePages(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");

        await admin.GotoAsync("/admin/departments");
        await admin.FillAsync("#department-code", "CG");
        await admin.FillAsync("#department-name", "区文化和旅游局");
        await admin.ClickAsync("#add-department");
        await Assertions.Expect(admin.Locator(".invalid-feedback[data-field='department-code']")).ToContainTextAsync("部门代码“CG”已被使用");
        await admin.FillAsync("#department-code", "WL");
        await admin.ClickAsync("#add-department");
        await Assertions.Expect(admin.Locator("#department-WL")).ToContainTextAsync("区文化和旅游局");

        await admin.GotoAsync("/admin/deliberation-list");
        await admin.FillAsync("#code", "1101");
        await admin.FillAsync("#category", "文体活动");
        await admin.FillAsync("#name", "广场舞噪音");
        await admin.SelectOptionAsync("#handling", "Department");
        await admin.SelectOptionAsync("#department", "WL");
        await admin.FillAsync("#response-hours", "abc");
        await admin.ClickAsync("#save-item");
        await Assertions.Expect(admin.Locator("#item-message")).ToContainTextAsync("请更正");
        Assert.Equal("广场舞噪音", await admin.InputValueAsync("#name"));
        await admin.FillAsync("#response-hours", "4");
        await admin.ClickAsync("#save-item");
        await Assertions.Expect(admin.Locator("#item-1101")).ToContainTextAsync("区文化和旅游局");

        await admin.ClickAsync("#edit-1101");
        await admin.FillAsync("#name", "广场舞音响扰民");
        await admin.ClickAsync("#save-item");
        await Assertions.Expect(admin.Locator("#item-1101")).ToContainTextAsync("广场舞音响扰民");
        await admin.ClickAsync("#toggle-1101");
        await Assertions.Expect(admin.Locator("#item-1101")).ToContainTextAsync("已停用");

        await admin.GotoAsync("/admin/departments/WL");
        await admin.ClickAsync("#retire");
        await Assertions.Expect(admin.Locator("#retired-badge")).ToBeVisibleAsync();
        await admin.GotoAsync("/admin/deliberation-list?q=1101");
        await Assertions.Expect(admin.Locator("#item-1101 .department-retired")).ToContainTextAsync("部门已撤销");
        await admin.SetViewportSizeAsync(390, 844);
        await BrowserSite.ScreenshotAsync(admin, $"deliberation-list-phone-{kind}");
    }
}
