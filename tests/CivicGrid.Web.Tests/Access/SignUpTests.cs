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

public class SignUpTests
{
    private const string NewPassword = "Pale-harbour-lantern-7";
    /// <summary>A valid ID number that is in no demo registry.</summary>
    private const string Stranger = "11010519491231002X";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASignUpThatMatchesTheRegistryIsLinkedAtOnceAndSignsInByPhone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var person = await SmsInbox.UnlinkedResidentAsync(site, grid.Code);
        var phone = "13900000001";
        using var anonymous = Anonymous(site);

        var sent = await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(300, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validSeconds").GetInt32());
        var code = SmsInbox.LatestCode(site, phone);
        var done = await anonymous.PostAsJsonAsync("/api/auth/register", new { phone, code, name = person.Name, idNumber = person.IdNumber, communityCode = grid.Code[..12], password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(nameof(SignUpStatus.Linked), (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var signIn = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "139 0000 0001", password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Resident", me.GetProperty("role").GetString());
        Assert.Equal(person.GridCode, me.GetProperty("scopeCode").GetString());
        Assert.Equal(person.Id, await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users
            .Where(u => u.UserName == me.GetProperty("userName").GetString()).Select(u => u.ResidentId).FirstAsync()));

        var again = await Anonymous(site).PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该手机号已注册", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASignUpWithoutAMatchWaitsUntilAGridWorkerOfItsCommunityLinksIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var grid = grids[0];
        var elsewhere = grids.First(g => g.Code[..12] != grid.Code[..12]);
        var phone = "13900000002";
        using var anonymous = Anonymous(site);
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        var done = await anonymous.PostAsJsonAsync("/api/auth/register", new { phone, code = SmsInbox.LatestCode(site, phone), name = "王小明", idNumber = Stranger, communityCode = grid.Code[..12], password = NewPassword });
        Assert.Equal(nameof(SignUpStatus.Pending), (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = phone, password = NewPassword })).EnsureSuccessStatusCode();
        Assert.Contains("id=\"sign-up-pending\"", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);

        var outsider = await site.CreateClientAsync(StaffRole.GridWorker, elsewhere.Code);
        Assert.Equal(0, (await outsider.GetFromJsonAsync<JsonElement>("/api/resident-sign-ups")).GetArrayLength());
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var pending = Assert.Single((await worker.GetFromJsonAsync<JsonElement>("/api/resident-sign-ups")).EnumerateArray());
        Assert.Equal("1101**********002X", pending.GetProperty("idNumberMasked").GetString());
        var id = pending.GetProperty("id").GetInt32();
        var person = await SmsInbox.UnlinkedResidentAsync(site, grid.Code);
        var foreign = await SmsInbox.UnlinkedResidentAsync(site, elsewhere.Code);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/resident-sign-ups/{id}/confirm", new { residentId = foreign.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync($"/api/resident-sign-ups/{id}/confirm", new { residentId = foreign.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/resident-sign-ups/{id}/confirm", new { residentId = person.Id })).StatusCode);

        Assert.Equal(0, (await worker.GetFromJsonAsync<JsonElement>("/api/resident-sign-ups")).GetArrayLength());
        var account = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.Where(u => u.DisplayName == "王小明" && u.Role == StaffRole.Resident)
            .Select(u => new { u.ResidentId, u.ScopeCode }).SingleAsync());
        Assert.Equal(person.Id, account.ResidentId);
        Assert.Equal(grid.Code, account.ScopeCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ExpiredReusedAndGuessedCodesAreRefusedAndNothingIsCreated(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var phone = "13900000003";
        using var anonymous = Anonymous(site);
        object Body(string code, string password = NewPassword) => new { phone, code, name = "王小明", idNumber = Stranger, communityCode = grid.Code[..12], password };

        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        var code = SmsInbox.LatestCode(site, phone);
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/register", Body(code, "password123")), "password", "常见密码");
        site.Clock.Advance(TimeSpan.FromMinutes(6));
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/register", Body(code)), "code", "验证码已过期");

        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        code = SmsInbox.LatestCode(site, phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 4; i++)
        {
            await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/register", Body(wrong)), "code", "验证码不正确");
        }
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/register", Body(wrong)), "code", "错误次数过多");
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/register", Body(code)), "code", "错误次数过多");
        Assert.Equal(0, await SignUpsAsync(site));

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        code = SmsInbox.LatestCode(site, phone);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/register", Body(code))).StatusCode);
        await AssertRefusedAsync(await Anonymous(site).PostAsJsonAsync("/api/auth/register", Body(code) as object), "phone", "该手机号已注册");
        site.Clock.Advance(TimeSpan.FromSeconds(61));
        (await Anonymous(site).PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 1 })).EnsureSuccessStatusCode();
        var reset = SmsInbox.LatestCode(site, phone);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { phone, code = reset, password = "Quiet-meadow-kettle-4" })).StatusCode);
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { phone, code = reset, password = "Other-meadow-kettle-5" }), "code", "验证码已使用过");
        Assert.Equal(1, await SignUpsAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CodesAreLimitedPerNumberAndPerAddress(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?> { ["Sms:PerAddressPerHour"] = "7" });
        using var anonymous = Anonymous(site);
        const string phone = "13900000004";
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        var soon = await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 });
        Assert.Equal(HttpStatusCode.TooManyRequests, soon.StatusCode);
        Assert.Contains("60秒后再试", await soon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            site.Clock.Advance(TimeSpan.FromSeconds(61));
            (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        }
        site.Clock.Advance(TimeSpan.FromSeconds(61));
        var hourly = await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 });
        Assert.Equal(HttpStatusCode.TooManyRequests, hourly.StatusCode);
        Assert.Contains("该手机号1小时内获取验证码次数过多", await hourly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, SmsInbox.Messages(site, phone).Count);

        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000005", purpose = 0 })).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000006", purpose = 0 })).EnsureSuccessStatusCode();
        var address = await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000007", purpose = 0 });
        Assert.Equal(HttpStatusCode.TooManyRequests, address.StatusCode);
        Assert.Contains("您的网络1小时内获取验证码次数过多", await address.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(SmsInbox.Messages(site, "13900000007"));
        site.Clock.Advance(TimeSpan.FromMinutes(61));
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone = "13900000007", purpose = 0 })).EnsureSuccessStatusCode();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AForgottenPasswordIsResetWithACodeToThePhone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var person = await SmsInbox.UnlinkedResidentAsync(site, grid.Code);
        const string phone = "13900000008";
        using var anonymous = Anonymous(site);
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 1 });
        await AssertRefusedAsync(unknown, "phone", "该手机号未注册");
        (await anonymous.PostAsJsonAsync("/api/auth/phone-code", new { phone, purpose = 0 })).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync("/api/auth/register", new { phone, code = SmsInbox.LatestCode(site, phone), name = person.Name, idNumber = person.IdNumber, communityCode = grid.Code[..12], password = NewPassword })).EnsureSuccessStatusCode();

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var browser = Anonymous(site);
        var sent = await PageForms.SubmitAsync(browser, "/account/forgot-password", "send-code", [new("Phone.Phone", phone)]);
        Assert.Contains("id=\"code-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = SmsInbox.LatestCode(site, phone);
        var weak = await PageForms.SubmitAsync(browser, "/account/forgot-password", "reset", [new("Input.Phone", phone), new("Input.Code", code), new("Input.Password", "1234567890")]);
        Assert.Contains("连续的数字", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reset = await PageForms.SubmitAsync(browser, "/account/forgot-password", "reset", [new("Input.Phone", phone), new("Input.Code", code), new("Input.Password", "Quiet-meadow-kettle-4")]);
        Assert.Contains("id=\"password-reset\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous(site).PostAsJsonAsync("/api/auth/login", new { userName = phone, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(site).PostAsJsonAsync("/api/auth/login", new { userName = phone, password = "Quiet-meadow-kettle-4" })).StatusCode);
    }

    private static HttpClient Anonymous(CivicGridFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<int> SignUpsAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Set<ResidentSignUp>().CountAsync());

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }
}
