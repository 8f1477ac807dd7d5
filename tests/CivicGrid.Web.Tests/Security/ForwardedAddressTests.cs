using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

public class ForwardedAddressTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyAConfiguredProxyMaySayWhoTheClientIs(DatabaseKind kind)
    {
        var settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" };
        await using var site = await CivicGridFactory.StartAsync(kind, settings: settings);

        var viaProxy = await TagAddressAsync(site, peer: "10.1.2.3", "代理标签");
        var direct = await TagAddressAsync(site, peer: "10.9.9.9", "直连标签");

        Assert.Equal("203.0.113.7", viaProxy);
        Assert.Equal("10.9.9.9", direct);
    }

    /// <summary>Saves a tag from <paramref name="peer"/> claiming to forward 203.0.113.7 and returns the address the audit log recorded.</summary>
    private static async Task<string?> TagAddressAsync(CivicGridFactory site, string peer, string tag)
    {
        using var from = site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Peer(IPAddress.Parse(peer)))));
        var userName = await site.CreateAccountAsync(StaffRole.DistrictAdmin, "330105");
        using var client = from.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/tags", new { name = tag, description = "来源地址" })).EnsureSuccessStatusCode();
        var audit = JsonDocument.Parse(await client.GetStringAsync($"/api/audit?actor={userName}")).RootElement.GetProperty("items");
        return audit[0].GetProperty("clientAddress").GetString();
    }

    /// <summary>Gives test requests the network peer a real connection would have.</summary>
    private sealed class Peer(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                context.Connection.RemoteIpAddress = address;
                return rest(context);
            });
            next(app);
        };
    }
}
