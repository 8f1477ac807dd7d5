using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Projects;

/// <summary>The project office registers and edits a project through its form; a cadre reports a month on a phone;
/// the office suspends it, with the reason the core asks for.</summary>
public sealed class ProjectFormJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task TheOfficeRegistersAProjectACadreReportsAnImplausibleMonthAfterConfirmingAndTheOfficeSuspendsIt(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var group = await ProjectAccounts.ServiceGroupAsync(site, "城北更新服务组");
        var today = DateOnly.FromDateTime(site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

        // Registered with the gates out of order first: refused under the field, nothing saved.
        var office = await site.SignInAsync(StaffRole.ProjectOffice, "330105");
        await office.GotoAsync("/projects");
        await office.ClickAsync("#new-project");
        await office.FillAsync("#code", "GS-F-001");
        await office.FillAsync("#name", "城北智造产业园");
        await office.FillAsync("#investor", "杭州城北智造有限公司");
        await office.FillAsync("#sector", "智能制造");
        await office.SelectOptionAsync("#community", new SelectOptionValue { Index = 1 });
        await office.FillAsync("#planned", "60000");
        await office.SelectOptionAsync("#group", group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await office.FillAsync("#plan-wan-0", "12000");
        await office.FillAsync("#gate-Signed", today.AddMonths(-2).ToString("yyyy-MM-dd"));
        await office.FillAsync("#gate-Landed", today.AddMonths(4).ToString("yyyy-MM-dd"));
        await office.FillAsync("#gate-Started", today.AddMonths(2).ToString("yyyy-MM-dd"));
        await office.ClickAsync("#save-project");
        await office.WaitForSelectorAsync("[data-field=gates]");
        await office.FillAsync("#gate-Started", today.AddMonths(6).ToString("yyyy-MM-dd"));
        await SaveAsync(office);
        Assert.Contains("城北智造产业园", await office.InnerTextAsync("#project-name"), StringComparison.Ordinal);
        var projectUrl = new Uri(office.Url).AbsolutePath;

        // Edited: the name changes, the gates stay.
        await office.ClickAsync("#edit-project");
        await office.FillAsync("#name", "城北智造产业园（一期）");
        await SaveAsync(office);
        Assert.Contains("（一期）", await office.InnerTextAsync("#project-name"), StringComparison.Ordinal);

        // The cadre reports on a phone: ten times the year's monthly plan is a warning, confirmed, then saved.
        var cadre = await site.SignInAsync(await ProjectAccounts.CadreAsync(site, group), LayoutSites.Phone("zh-CN"));
        await cadre.GotoAsync(projectUrl);
        await cadre.ClickAsync("#progress-panel summary");
        await cadre.FillAsync("#progress-investment", "10000");
        await cadre.FillAsync("#progress-note", "主体厂房桩基施工");
        await cadre.ClickAsync("#save-progress");
        await cadre.WaitForSelectorAsync("#progress-warning");
        Assert.Equal(0, await cadre.Locator("#progress table tbody tr").CountAsync());
        await cadre.CheckAsync("#progress-confirmed");
        await cadre.ClickAsync("#save-progress");
        await cadre.WaitForSelectorAsync("#done");
        Assert.Contains("10,000", await cadre.InnerTextAsync("#investment-done"), StringComparison.Ordinal);
        var width = await cadre.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the project page is {width} px wide on a phone");

        // The office suspends it: without a reason the core refuses, with one it is done.
        await office.GotoAsync(projectUrl);
        await office.ClickAsync("#moves-panel summary");
        await office.EvaluateAsync("() => document.querySelector('#note-Suspend').removeAttribute('required')");
        await office.ClickAsync("#do-Suspend");
        await office.WaitForSelectorAsync("#move-errors");
        await office.FillAsync("#note-Suspend", "投资方融资调整，暂缓建设");
        await office.ClickAsync("#do-Suspend");
        await office.WaitForSelectorAsync("#done");
        Assert.Equal("停缓建", (await office.InnerTextAsync("#project-status")).Trim());
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    /// <summary>Saves the form and says which refusal came back if it was not saved.</summary>
    private static async Task SaveAsync(IPage page)
    {
        await page.ClickAsync("#save-project");
        try
        {
            await page.WaitForSelectorAsync("#done, .invalid-feedback, #form-error");
        }
        catch (TimeoutException)
        {
            Assert.Fail(page.Url + "\n" + await page.ContentAsync());
        }
        Assert.True(await page.Locator("#done").CountAsync() == 1, await page.InnerTextAsync("main"));
    }
}
