using CivicGrid.App.Security.KeyRing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Hosting;

public class KeyRingTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ASessionStartedOnOneNodeIsAcceptedByAnother(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = await CivicGridFactory.StartAsync(database);
        await using var second = CivicGridFactory.Attach(database);
        var grids = await first.GridsAsync();
        var userName = await first.CreateAccountAsync(StaffRole.GridWorker, grids[0].Code);
        var options = new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false };

        var signIn = await first.CreateClient(options).PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var me = await second.CreateClient(options).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(userName, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDatabaseHoldsNoKeyInTheClearAndEachNewKeyIsAudited(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var (keys, audited) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            return (await db.ProtectionKeys.Select(k => k.Xml).ToListAsync(), await db.AuditEntries.CountAsync(a => a.Entity == "ProtectionKey"));
        });

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("KeyRingDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.Equal(keys.Count, audited);
    }
}
