using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Activities;

/// <summary>
/// A think-tank member on a phone: a lawyer registers as a volunteer; staff give the community its five think-tank
/// teams, put the lawyer in the expert team by his name with the skill 法律; he joins and leaves another team himself;
/// staff invite by team and skill to today's deliberation day; the lawyer confirms on an English page; staff mark
/// attendance; the lawyer's hours show the day.
/// </summary>
public sealed class ThinkTankJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task StaffInviteByTeamAndSkillTheMemberConfirmsAndAttendanceShowsInTheirHours(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var today = DateOnly.FromDateTime(site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var (grid, lawyerId, dayId) = await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var r = await db.Residents.Where(x => x.DepartedOn == null).OrderBy(x => x.GridCode).ThenBy(x => x.Id).Select(x => new { x.Id, x.GridCode }).FirstAsync();
            var day = new DeliberationDay { HostCode = r.GridCode[..12], Title = "加装电梯议事会", Date = today, Place = "社区议事厅" };
            db.DeliberationDays.Add(day);
            await db.SaveChangesAsync();
            return (r.GridCode, r.Id, day.Id);
        });
        var community = grid[..12];

        // The lawyer registers as a volunteer (in English).
        var lawyer = await site.SignInAsync(await ResidentAccountAsync(site, grid, lawyerId), LayoutSites.Phone("en-US"));
        await lawyer.GotoAsync("/my/activities");
        await lawyer.FillAsync("#skills", "律师");
        await lawyer.ClickAsync("#volunteer button[type=submit]");
        await lawyer.WaitForSelectorAsync("#volunteer-hours");
        var (volunteerId, lawyerName) = await site.Factory.AsSystemAsync(async sp =>
        {
            var v = await sp.GetRequiredService<CivicGridDbContext>().Volunteers.Where(v => v.ResidentId == lawyerId).Select(v => new { v.Id, v.Name }).SingleAsync();
            return (v.Id, v.Name);
        });

        // Staff create the five think-tank teams and put the lawyer in the experts' with the skill 法律.
        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, community), LayoutSites.Phone("zh-CN"));
        await staff.GotoAsync($"/teams?community={community}");
        await staff.ClickAsync("#new-team summary");
        await staff.ClickAsync("#think-tank-button");
        await staff.WaitForSelectorAsync("#teams-message.alert-success");
        Assert.Equal(5, await staff.Locator("section.team").CountAsync());
        var experts = staff.Locator("section.team[data-name='专家咨询团']");
        await experts.Locator("input[name=VolunteerId]").FillAsync(volunteerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await experts.Locator("input[name=MemberSkills]").FillAsync("烹饪");
        await experts.Locator("form.add-member button").ClickAsync();
        await staff.WaitForSelectorAsync("#teams-message.alert-danger");
        Assert.Contains("所选技能不在本团队的技能列表中", await staff.InnerTextAsync("#teams-message"), StringComparison.Ordinal);
        await experts.Locator("input[name=VolunteerId]").FillAsync(lawyerName);
        await experts.Locator("input[name=MemberSkills]").FillAsync("法律");
        await experts.Locator("form.add-member button").ClickAsync();
        await staff.WaitForSelectorAsync($"section.team[data-name='专家咨询团'] li.member[data-volunteer='{volunteerId}']");

        // The lawyer joins another of the community's teams himself, and leaves it again.
        await lawyer.GotoAsync("/my/activities");
        await lawyer.ClickAsync("#open-teams summary");
        var open = lawyer.Locator("li.open-team").First;
        var joining = await open.GetAttributeAsync("data-team");
        await open.Locator("button[data-join]").ClickAsync();
        await lawyer.WaitForSelectorAsync("#activities-message.alert-success");
        Assert.Equal(2, await lawyer.Locator("#my-teams li.my-team").CountAsync());
        await lawyer.ClickAsync($"button[data-leave='{joining}']");
        await lawyer.WaitForSelectorAsync("#activities-message.alert-success");
        Assert.Equal(1, await lawyer.Locator("#my-teams li.my-team").CountAsync());

        // Staff pick the team, then the skill, see the lawyer and invite.
        await staff.GotoAsync($"/deliberation/{dayId}/invitations");
        await staff.CheckAsync("input[data-team-name='专家咨询团']");
        await staff.ClickAsync("#match-button");
        await staff.WaitForSelectorAsync("#skill option[value='法律']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await staff.SelectOptionAsync("#skill", "法律");
        await staff.ClickAsync("#match-button");
        await staff.WaitForSelectorAsync($"#matches li.match[data-volunteer='{volunteerId}']");
        await staff.ClickAsync("#invite-button");
        await staff.WaitForSelectorAsync("#invitations-message.alert-success");
        Assert.Equal("1", (await staff.InnerTextAsync("#count-no-answer")).Trim());

        // The lawyer confirms in English.
        await lawyer.GotoAsync("/my/activities");
        await lawyer.WaitForSelectorAsync("#invitations li.invitation");
        Assert.Contains("Expert Advisory Team", await lawyer.InnerTextAsync("#my-teams"), StringComparison.Ordinal);
        await lawyer.ClickAsync("#invitations button[data-accept]");
        await lawyer.WaitForSelectorAsync("#activities-message.alert-success");
        Assert.Equal("Confirmed", (await lawyer.InnerTextAsync("#invitations .answer")).Trim());

        // Staff see the confirmation and mark attendance; the lawyer's two hours show the day.
        await staff.GotoAsync($"/deliberation/{dayId}/invitations");
        Assert.Equal("1", (await staff.InnerTextAsync("#count-confirmed")).Trim());
        await staff.ClickAsync("#attendance-button");
        await staff.WaitForSelectorAsync("#invited .attended");
        await BrowserSite.ScreenshotAsync(staff, $"phone-think-tank-invitations-{kind}");
        var staffWidth = await staff.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(staffWidth <= 390, $"the invitations page is {staffWidth} px wide on a phone");
        await lawyer.GotoAsync("/my/activities");
        Assert.Equal("2", (await lawyer.InnerTextAsync("#volunteer-hours")).Trim());
        Assert.Contains("加装电梯议事会", await lawyer.InnerTextAsync("#hours-lines"), StringComparison.Ordinal);
        await BrowserSite.ScreenshotAsync(lawyer, $"phone-think-tank-hours-{kind}");
        var width = await lawyer.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"my activities is {width} px wide on a phone");
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private static async Task<string> ResidentAccountAsync(BrowserSite site, string grid, int residentId)
    {
        var userName = await site.Factory.CreateAccountAsync(StaffRole.Resident, grid);
        await site.Factory.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.ResidentId = residentId;
            return await users.UpdateAsync(user);
        });
        return userName;
    }
}
