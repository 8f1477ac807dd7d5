using System.Net;
using CivicGrid.Testing;
using CivicGrid.Web.Access;

namespace CivicGrid.Web.Tests.Access;

public class SignInTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/cases/12?tab=timeline", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("\\\\evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SignInReturnsOnlyToPathsOfThisSite(string? url, bool local)
    {
        Assert.Equal(local, ReturnUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", ReturnUrl.OrHome(url));
    }

    [Fact]
    public async Task TheSignInPageTakesOnlyAFewPostsAMinuteFromOneAddress()
    {
        await using var site = await CivicGridFactory.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "3" });
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = $"guess-{i}" });
            statuses.Add((await client.PostAsync("/account/login", form)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/account/login")).StatusCode);
    }
}
