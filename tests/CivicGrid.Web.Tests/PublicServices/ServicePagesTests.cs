using System.Net;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.PublicServices;

public class ServicePagesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryServicePageRendersForTheRolesThatUseIt(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid);
        var beds = await site.ServiceIdAsync("S03");
        var registered = await ServiceKit.RegisterAsync(worker, await site.HouseholdAsync(grid), new DateOnly(2026, 11, 1), "小满");

        var pages = new (HttpClient Client, string Url, string Text)[]
        {
            (admin, "/services", "服务目录"),
            (admin, $"/services/{beds}", "候补与名额"),
            (admin, "/services/new", "rule-builder"),
            (admin, $"/services/{beds}/edit", "has_tag"),
            (admin, "/api/rules/fields", "household.youngest_age"),
            (worker, $"/services/{beds}?group=Eligible", "people"),
            (worker, "/visits", "走访任务"),
            (worker, "/residents/register", "登记居民"),
            (worker, $"/residents/{registered.GetProperty("residentId").GetInt32()}", "享受的服务"),
            (worker, $"/life-events/{registered.GetProperty("lifeEventId").GetInt32()}", "出生一件事"),
            (resident, "/my/services", "尚未关联居民档案"),
        };
        foreach (var (client, url, text) in pages)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
            Assert.Contains(text, body, StringComparison.Ordinal);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync("/services/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/services")).StatusCode);
        var eventUrl = $"/api/life-events/{registered.GetProperty("lifeEventId").GetInt32()}";
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(eventUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "CG")).GetAsync(eventUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.CreateClientAsync(StaffRole.GridWorker, (await site.GridsAsync())[^1].Code)).GetAsync(eventUrl)).StatusCode);
    }
}
