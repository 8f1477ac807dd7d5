using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Activities;

/// <summary>
/// A class of two sessions: a volunteer registers to teach it; staff schedule and publish it; a resident signs up on a
/// phone and shows the check-in code at the door; staff check them in with it and confirm; the teacher's hours show,
/// and the resident sees the next class.
/// </summary>
public sealed class ClassJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task AResidentSignsUpChecksInWithTheCodeAndTheTeachingVolunteerIsCreditedTheHours(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var (facility, grid, learnerId, teacherId) = await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var f = await db.Facilities.OrderBy(x => x.Id).Select(x => new { x.Id, x.GridCode }).FirstAsync();
            var people = await db.Residents.Where(x => x.DepartedOn == null && x.GridCode == f.GridCode).OrderBy(x => x.Id).Select(x => x.Id).Take(2).ToListAsync();
            return (f.Id, f.GridCode, people[0], people[1]);
        });
        var phone = LayoutSites.Phone("zh-CN");

        // The teacher registers as a volunteer.
        var teacher = await site.SignInAsync(await ResidentAccountAsync(site, grid, teacherId), LayoutSites.Phone("zh-CN"));
        await teacher.GotoAsync("/my/activities");
        await teacher.FillAsync("#skills", "电脑教学");
        await teacher.ClickAsync("#volunteer button[type=submit]");
        await teacher.WaitForSelectorAsync("#volunteer-hours");
        var volunteerId = await site.Factory.AsSystemAsync(async sp =>
            await sp.GetRequiredService<CivicGridDbContext>().Volunteers.Where(v => v.ResidentId == teacherId).Select(v => v.Id).SingleAsync());

        // Staff schedule two weekly sessions this afternoon, publish them and put the teacher on the first.
        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, grid[..12]), LayoutSites.Phone("zh-CN"));
        var today = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await staff.GotoAsync("/activities");
        await staff.FillAsync("#title", "智能手机入门课");
        await staff.SelectOptionAsync("#kind", "Training");
        await staff.FillAsync("#facility", facility.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.FillAsync("#first-start", $"{today}T14:00");
        await staff.FillAsync("#count", "2");
        await staff.ClickAsync("#new-activity button[type=submit]");
        await staff.WaitForSelectorAsync("#session-status");
        var sessionUrl = new Uri(staff.Url).AbsolutePath;
        var session = sessionUrl.Split('/')[^1];
        await staff.ClickAsync("button[data-move=Publish]");
        await staff.WaitForSelectorAsync("#door");
        await staff.FillAsync("#assign-form input[name=VolunteerId]", volunteerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.SelectOptionAsync("#assign-form select[name=Role]", "Teacher");
        await staff.ClickAsync("#assign-form button[type=submit]");
        await staff.WaitForSelectorAsync($"#servers li[data-volunteer='{volunteerId}']");

        // The learner signs up on a phone and opens the check-in code.
        var learner = await site.SignInAsync(await ResidentAccountAsync(site, grid, learnerId), phone);
        await learner.GotoAsync("/my/activities");
        var item = learner.Locator($"#upcoming li[data-session='{session}']");
        await item.Locator("button[type=submit]").First.ClickAsync();
        await learner.WaitForSelectorAsync($"#upcoming li[data-session='{session}'] button[data-code='{session}']");
        await learner.ClickAsync($"button[data-code='{session}']");
        var token = (await learner.InnerTextAsync("#check-in-token")).Trim();
        await BrowserSite.ScreenshotAsync(learner, $"phone-check-in-code-{kind}");

        // At the door: a code with a broken seal is refused; the learner's own is taken; then attendance is confirmed.
        await staff.GotoAsync(sessionUrl);
        await staff.FillAsync("#token", token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
        await staff.ClickAsync("#check-in-button");
        await staff.WaitForSelectorAsync("#session-message.alert-danger");
        Assert.Equal("0", (await staff.InnerTextAsync("#checked-in-count")).Trim());
        await staff.FillAsync("#token", token);
        await staff.ClickAsync("#check-in-button");
        await staff.WaitForSelectorAsync("#session-message.alert-success");
        Assert.Equal("1", (await staff.InnerTextAsync("#checked-in-count")).Trim());
        await staff.ClickAsync("#confirm-button");
        await staff.WaitForSelectorAsync("#servers .badge.text-bg-success");

        // Staff see the hours per community; the teacher sees the ninety minutes; the learner sees the next class and is no longer asked for a code.
        await staff.GotoAsync("/volunteers");
        var cells = await staff.Locator("#hours-by-community tbody tr td").AllInnerTextsAsync();
        Assert.Equal(["1", "1.5"], cells.Skip(1).Select(c => c.Trim()));
        await teacher.GotoAsync("/my/activities");
        Assert.Equal("1.5", (await teacher.InnerTextAsync("#volunteer-hours")).Trim());
        await learner.GotoAsync("/my/activities");
        Assert.Equal(1, await learner.Locator("#upcoming li.upcoming-session", new PageLocatorOptions { HasText = "智能手机入门课" }).CountAsync());
        Assert.Equal(0, await learner.Locator($"#upcoming li[data-session='{session}']").CountAsync());
        var width = await learner.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"my activities is {width} px wide on a phone");
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
