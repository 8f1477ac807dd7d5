using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Access;

public class TwoFactorTests
{
    /// <summary>The rule on, as on a site that does not seed the demo.</summary>
    private static readonly Dictionary<string, string?> Enforced = new() { ["Security:TwoFactor:Enforced"] = "true" };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkerCanDoNothingButEnrolThenSignsInWithACodeFromTheApp(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Enforced);
        var grid = (await site.GridsAsync())[0];
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var worker = await SignInAsync(site, userName);

        var blocked = await worker.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Contains("两步验证", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await worker.GetAsync("/residents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor", page.Headers.Location!.OriginalString);
        var enrolPage = await worker.GetStringAsync("/account/two-factor");
        Assert.Contains("id=\"two-factor-required\"", enrolPage, StringComparison.Ordinal);
        Assert.Contains("<svg", enrolPage, StringComparison.Ordinal);

        var key = await SharedKeyAsync(worker);
        var wrong = await worker.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = "000000" == Totp.Code(key, Now(site)) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var codes = await EnableAsync(site, worker, key);
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/cases")).StatusCode);

        var again = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var first = await again.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/api/auth/login/two-factor", new { code = "12345" })).StatusCode);
        var second = await again.PostAsJsonAsync("/api/auth/login/two-factor", new { code = Totp.Code(key, Now(site)) });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/cases")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARecoveryCodeSignsInOnceAndThePageAsksForTheSecondStep(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Enforced);
        var userName = await site.CreateAccountAsync(StaffRole.CommunityStaff, (await site.GridsAsync())[0].Code[..12]);
        var staff = await SignInAsync(site, userName);
        var codes = await EnableAsync(site, staff, await SharedKeyAsync(staff));

        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await PageForms.SubmitAsync(browser, "/account/login", "login", [new("Input.UserName", userName), new("Input.Password", CivicGridFactory.Password)]);
        Assert.Contains("/account/login/two-factor", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await PageForms.SubmitAsync(browser, "/account/login/two-factor", "two-factor", [new("Input.Code", ""), new("Input.RecoveryCode", codes[0])]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        var reused = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Accepted, (await reused.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).StatusCode);
        var refused = await reused.PostAsJsonAsync("/api/auth/login/two-factor", new { recoveryCode = codes[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("恢复码不正确或已用过", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reused.PostAsJsonAsync("/api/auth/login/two-factor", new { recoveryCode = codes[1] })).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAdministratorResetsALostPhoneAndTheAccountMustEnrolAgain(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Enforced);
        var grid = (await site.GridsAsync())[0];
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var worker = await SignInAsync(site, userName);
        await EnableAsync(site, worker, await SharedKeyAsync(worker));
        var adminName = await site.CreateAccountAsync(StaffRole.DistrictAdmin, "330105");
        var admin = await SignInAsync(site, adminName);
        await EnableAsync(site, admin, await SharedKeyAsync(admin));
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);

        // Whoever administers an account may reset its second factor; community staff do not administer a district admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await community.PostAsync($"/api/admin/two-factor/{adminName}/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/two-factor/nobody/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/two-factor/{userName}/reset", null)).StatusCode);

        // Other sessions end at their next check of the account's security stamp.
        site.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/auth/me")).StatusCode);
        var fresh = await SignInAsync(site, userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/cases")).StatusCode);
        var audited = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().AuditEntries
            .CountAsync(e => e.Action == "reset-two-factor" && e.Actor == adminName));
        Assert.Equal(1, audited);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARequiredRoleCannotTurnItOffButAResidentMay(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: Enforced);
        var grid = (await site.GridsAsync())[0];
        var worker = await SignInAsync(site, await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code));
        var workerKey = await SharedKeyAsync(worker);
        await EnableAsync(site, worker, workerKey);
        var refused = await worker.PostAsJsonAsync("/api/auth/two-factor/disable", new { code = Totp.Code(workerKey, Now(site)) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("必须使用两步验证", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var residentName = await site.CreateAccountAsync(StaffRole.Resident, grid.Code);
        var resident = await SignInAsync(site, residentName);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/api/cases")).StatusCode);
        var key = await SharedKeyAsync(resident);
        await EnableAsync(site, resident, key);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync("/api/auth/two-factor/disable", new { code = Totp.Code(key, Now(site)) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignInAsync(site, residentName)).GetAsync("/api/auth/me")).StatusCode);
    }

    /// <summary>Signs in with the password alone; the account must not have a second factor yet.</summary>
    private static async Task<HttpClient> SignInAsync(CivicGridFactory site, string userName)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).StatusCode);
        await CivicGridFactory.AddRequestTokenAsync(client);
        return client;
    }

    private static async Task<string> SharedKeyAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/two-factor")).GetProperty("sharedKey").GetString()!;

    /// <summary>The time the authenticator check reads: Identity's token provider takes the system clock, not the site's.</summary>
    private static DateTimeOffset Now(CivicGridFactory site) => site.Clock == null ? default : TimeProvider.System.GetUtcNow();

    private static async Task<List<string>> EnableAsync(CivicGridFactory site, HttpClient client, string key)
    {
        var response = await client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Totp.Code(key, Now(site)) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!)];
    }
}
