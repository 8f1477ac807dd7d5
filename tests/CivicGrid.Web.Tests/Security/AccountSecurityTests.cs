using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Web.Tests.Security;

public class AccountSecurityTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);
        using var client = site.CreateClient();

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add((await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "wrong-password-" + i })).StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Locked], wrong);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASignInWithoutNameOrPasswordIsRefusedByFieldAndCountsNoFailure(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);
        using var client = site.CreateClient();

        var empty = await client.PostAsJsonAsync("/api/auth/login", new { });
        var blanks = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            blanks.Add((await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "" })).StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!.Errors;
        Assert.Equal(["请输入用户名"], errors["userName"]);
        Assert.Equal(["请输入密码"], errors["password"]);
        Assert.All(blanks, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData("short-1", "密码至少 10 位")]
    [InlineData("1234567890", "连续的数字")]
    [InlineData("aaaaaaaaaaaa", "同一个字符")]
    [InlineData("password123", "常见密码")]
    [InlineData("qwertyuiop", "键盘字母")]
    public void WeakPasswordsAreRefusedWithAChineseReason(string password, string reason)
    {
        var problems = PasswordPolicy.Problems("zhang.wei", password).ToList();
        if (password.Length < PasswordPolicy.MinimumLength)
        {
            Assert.Equal("密码至少 10 位", new ChineseIdentityErrors().PasswordTooShort(PasswordPolicy.MinimumLength).Description);
            return;
        }
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void APasswordWithTheUserNameInItIsRefusedAndAGoodOneIsNot()
    {
        Assert.Contains("密码不能包含用户名", PasswordPolicy.Problems("zhangwei", "Zhangwei-2026"));
        Assert.Empty(PasswordPolicy.Problems("zhangwei", "拱墅区运河边的桥-7"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ChangingThePasswordAppliesThePolicyAndTheOldOneStopsWorking(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var userName = await site.CreateAccountAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();

        var weak = await PageForms.SubmitAsync(client, "/account/password", "password", Fields(CivicGridFactory.Password, "1234567890"));
        var wrongCurrent = await PageForms.SubmitAsync(client, "/account/password", "password", Fields("not-my-password", "运河边的拱宸桥-1998"));
        var good = await PageForms.SubmitAsync(client, "/account/password", "password", Fields(CivicGridFactory.Password, "运河边的拱宸桥-1998"));
        using var other = site.CreateClient();
        var old = await other.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });
        var fresh = await other.PostAsJsonAsync("/api/auth/login", new { userName, password = "运河边的拱宸桥-1998" });

        Assert.Contains("连续的数字", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("当前密码不正确", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("密码已修改", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SessionsEndAfterHalfAnHourIdleAndTwelveHoursInAll(DatabaseKind kind)
    {
        var settings = new Dictionary<string, string?> { ["Sessions:IdleMinutes"] = "30", ["Sessions:AbsoluteHours"] = "12" };
        await using var site = await CivicGridFactory.StartAsync(kind, settings: settings);
        var idle = await site.CreateClientAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);
        var busy = await site.CreateClientAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);

        await KeepBusyAsync(busy, site.Clock, TimeSpan.FromMinutes(40));
        var afterIdle = await idle.GetAsync("/api/auth/me");
        var stillBusy = await KeepBusyAsync(busy, site.Clock, TimeSpan.FromHours(10.8));
        await KeepBusyAsync(busy, site.Clock, TimeSpan.FromHours(0.6));
        var afterTwelveHours = await busy.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, afterIdle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillBusy);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTwelveHours.StatusCode);
    }

    /// <summary>A request every twenty minutes for <paramref name="span"/>; the status of the last one.</summary>
    private static async Task<HttpStatusCode> KeepBusyAsync(HttpClient client, FakeTimeProvider clock, TimeSpan span)
    {
        var status = HttpStatusCode.OK;
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            status = (await client.GetAsync("/api/auth/me")).StatusCode;
        }
        return status;
    }

    private static Dictionary<string, string> Fields(string current, string next) => new()
    {
        ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = next,
    };
}
