using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Activities;

/// <summary>
/// Staff at the door scan a resident's check-in code with the phone's camera: Chromium's camera plays a picture of the
/// resident's real signed code, the page reads it and checks them in, and keeps scanning without sending the same
/// code again. The check-in itself is the class journey's (on PostgreSQL) and the web tests' (on both engines); this is
/// the page's camera, on SQLite.
/// </summary>
public sealed class DoorCameraTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StaffScanTheResidentsCodeWithTheCameraOnAPhoneInEnglish()
    {
        await using var site = await BrowserSite.StartAsync(DatabaseKind.Sqlite, output);
        var (session, community, name, token) = await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var facility = await db.Facilities.OrderBy(f => f.Id).FirstAsync();
            var resident = await db.Residents.Where(r => r.DepartedOn == null && r.GridCode == facility.GridCode).OrderBy(r => r.Id).FirstAsync();
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var community = facility.GridCode[..12];
            var activity = new Activity { CommunityCode = community, FacilityId = facility.Id, Title = "防诈骗课堂", Capacity = 30, CreatedBy = "test", CreatedAt = now };
            activity.Sessions.Add(new ActivitySession { CommunityCode = community, StartsAt = now, Minutes = 60, Status = SessionStatus.Published, Taken = 1 });
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var session = activity.Sessions[0].Id;
            db.ActivitySignUps.Add(new ActivitySignUp { SessionId = session, ResidentId = resident.Id, CommunityCode = community, Status = RosterStatus.Confirmed, SignedUpAt = now });
            await db.SaveChangesAsync();
            var code = sp.GetRequiredService<CheckInKey>().Issue(session, resident.Id, db.Clock.GetUtcNow().AddHours(2));
            return (session, community, resident.Name, code);
        });
        var video = FakeCamera.ShowingCode(token);
        await using var camera = await site.Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = FakeCamera.Arguments(video),
        });
        var options = LayoutSites.Phone("en-US");
        options.Permissions = ["camera"];
        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, community), options, camera);

        await staff.GotoAsync($"/activities/sessions/{session}");
        await staff.ClickAsync("#scan-start");
        await staff.WaitForSelectorAsync("#session-message.alert-success");
        Assert.Equal($"Checked in: {name}", (await staff.InnerTextAsync("#session-message")).Trim());
        Assert.Equal("1", (await staff.InnerTextAsync("#checked-in-count")).Trim());

        // Scanning resumed after the check-in, and the code still in front of the camera is not sent again.
        await staff.WaitForSelectorAsync("#scan-stop", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        await staff.WaitForTimeoutAsync(1500);
        Assert.Equal($"Checked in: {name}", (await staff.InnerTextAsync("#session-message")).Trim());
        Assert.Equal(1, await site.Factory.AsSystemAsync(sp =>
            sp.GetRequiredService<CivicGridDbContext>().ActivitySignUps.CountAsync(s => s.SessionId == session && s.CheckedInAt != null)));
        await staff.ClickAsync("#scan-stop");
        Assert.True(await staff.IsVisibleAsync("#scan-start"));
        await BrowserSite.ScreenshotAsync(staff, "phone-door-camera-en");
        var width = await staff.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the session page is {width} px wide on a phone");
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
        File.Delete(video);
    }
}
