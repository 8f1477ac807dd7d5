using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Activities;

/// <summary>
/// An enterprise's contact on a phone registers an employee as a volunteer (a wrong mobile number refused first, the
/// name kept); the community's staff find the employee among their volunteers and put them in a team by name.
/// </summary>
public sealed class EmployeeVolunteerJourneyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "zh-CN")]
    [InlineData(DatabaseKind.Postgres, "en-US")]
    public async Task AContactRegistersAnEmployeeWhomTheCommunityPutsInATeam(DatabaseKind kind, string locale)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var (firm, grid) = await site.Factory.AsSystemAsync(async sp =>
        {
            var f = await sp.GetRequiredService<CivicGridDbContext>().Enterprises.OrderBy(e => e.Id).Select(e => new { e.Id, e.GridCode }).FirstAsync();
            return (f.Id, f.GridCode);
        });
        var contact = await site.SignInAsync(await site.OpenAccountAsync(new StaffUser
        {
            UserName = "contact-volunteers", DisplayName = "企业联系人", Role = StaffRole.EnterpriseContact, ScopeCode = grid, EnterpriseId = firm,
        }), LayoutSites.Phone(locale));

        await contact.GotoAsync("/my/enterprise");
        await contact.WaitForSelectorAsync("#no-employee-volunteers");
        await contact.FillAsync("#volunteer-name", "赵工程师");
        await contact.FillAsync("#volunteer-phone", "12345");
        await contact.FillAsync("#volunteer-skills", "摄影");
        await contact.ClickAsync("#register-employee-volunteer");
        await contact.WaitForSelectorAsync("#volunteer-phone.is-invalid");
        var kept = await contact.InputValueAsync("#volunteer-name");
        await contact.FillAsync("#volunteer-phone", "13912345678");
        await contact.ClickAsync("#register-employee-volunteer");
        await contact.WaitForSelectorAsync("li.employee-volunteer");
        var listed = await contact.InnerTextAsync("li.employee-volunteer");
        var width = await contact.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        var community = grid[..12];
        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, community), LayoutSites.Phone(locale));
        await staff.GotoAsync("/volunteers?q=赵工程师");
        var row = await staff.InnerTextAsync("tr.volunteer-row");
        await staff.GotoAsync("/activities");
        await staff.ClickAsync("#teams-link");
        await staff.WaitForURLAsync("**/teams");
        await staff.GotoAsync($"/teams?community={community}");
        await staff.ClickAsync("#new-team summary");
        await staff.ClickAsync("#think-tank-button");
        await staff.WaitForSelectorAsync("#teams-message.alert-success");
        var experts = staff.Locator("section.team[data-name='专家咨询团']");
        await experts.Locator("input[name=VolunteerId]").FillAsync("赵工程师");
        await experts.Locator("form.add-member button").ClickAsync();
        await staff.WaitForSelectorAsync("#teams-message.alert-success");
        var members = await staff.Locator("section.team[data-name='专家咨询团'] li.member").AllInnerTextsAsync();

        Assert.Equal("赵工程师", kept);
        Assert.Contains("赵工程师", listed, StringComparison.Ordinal);
        Assert.Contains("139****5678", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", await contact.ContentAsync(), StringComparison.Ordinal);
        Assert.True(width <= 390, $"my enterprise is {width} px wide on a phone");
        Assert.Contains(locale == "en-US" ? "Employee" : "企业职工", row, StringComparison.Ordinal);
        Assert.Contains(members, m => m.Contains("赵工程师", StringComparison.Ordinal));
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }
}
