using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.LifeEvents;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.PublicServices;

public class LifeEventTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABirthOpensItsBundleForTheBabyAndTheHouseholdAndOneActionTakesItUp(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var household = await site.HouseholdAsync(grid);

        var registered = await ServiceKit.RegisterAsync(worker, household, Today.AddDays(-20), "小宝");
        var eventId = registered.GetProperty("lifeEventId").GetInt32();
        var bundle = await worker.GetJsonAsync($"/api/life-events/{eventId}");
        var lines = bundle.GetProperty("bundle").EnumerateArray().ToList();
        var open = lines.Where(l => l.GetProperty("status").ValueKind == System.Text.Json.JsonValueKind.Null || l.GetProperty("status").GetString() == "已推送")
            .Select(l => new { serviceId = l.GetProperty("serviceId").GetInt32(), residentId = l.GetProperty("residentId").GetInt32() }).ToList();
        var accept = await worker.PostAsJsonAsync($"/api/life-events/{eventId}/accept", open);
        var after = await worker.GetJsonAsync($"/api/life-events/{eventId}");
        var again = await worker.PostAsJsonAsync($"/api/life-events/{eventId}/accept", open);

        Assert.Equal(nameof(LifeEventKind.Birth), bundle.GetProperty("kind").GetString());
        var names = lines.Select(l => l.GetProperty("serviceName").GetString()).ToHashSet();
        Assert.Contains("育儿补贴", names);
        Assert.Contains("新生儿预防接种建档", names);
        Assert.Contains(lines, l => l.GetProperty("serviceName").GetString() == "婴幼儿家庭养育指导" && l.GetProperty("residentId").GetInt32() != registered.GetProperty("residentId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.All(after.GetProperty("bundle").EnumerateArray(), l => Assert.Contains(l.GetProperty("status").GetString(), new[] { "已享受", "候补中" }));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("bundleAcceptedAt").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ADeathEndsEveryServiceAndTheReleasedPlaceGoesToTheWaitingList(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var beds = await site.ServiceIdAsync("S03");
        // Only this test's two applicants compete, for the one bed of the one facility offering the service.
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            await db.ServiceEnrolments.Where(e => e.ServiceItemId == beds).ExecuteDeleteAsync();
            (await db.ServiceItems.Include(s => s.Facilities).SingleAsync(s => s.Id == beds)).Facilities.Clear();
            return await db.SaveChangesAsync();
        });
        await site.FacilityAsync(grid, "elderly", 1, "S03");
        var first = await RegisterDisabledElderAsync(site, worker, grid, 0, "甲");
        var second = await RegisterDisabledElderAsync(site, worker, grid, 1, "乙");
        foreach (var id in new[] { first, second })
        {
            (await worker.PostAsync($"/api/residents/{id}/services/{beds}/apply", null)).EnsureSuccessStatusCode();
        }
        var before = await Statuses(site, beds, first, second);

        var death = await worker.PostAsJsonAsync($"/api/residents/{first}/life-events", new { kind = (int)LifeEventKind.Death, occurredOn = Today });
        var after = await Statuses(site, beds, first, second);
        var targets = await worker.GetJsonAsync($"/api/services/{beds}/targets");
        var future = await worker.PostAsJsonAsync($"/api/residents/{second}/life-events", new { kind = (int)LifeEventKind.MoveOut, occurredOn = Today.AddDays(3) });

        Assert.Equal((EnrolmentStatus.Enrolled, EnrolmentStatus.Waiting), before);
        Assert.Equal(HttpStatusCode.OK, death.StatusCode);
        Assert.Equal((EnrolmentStatus.Ended, EnrolmentStatus.Enrolled), after);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("不能晚于今天", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(first, await PeopleAsync(worker, beds, "Eligible"));
        Assert.Equal(1, targets.GetProperty("total").GetProperty("enrolled").GetInt32());
        Assert.Equal(0, await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().VisitTasks.CountAsync(t => t.ResidentId == first && t.DoneAt == null)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BirthdaysBecomeLifeEventsOnceAndOpenTheirServices(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var id = (await ServiceKit.RegisterAsync(worker, await site.HouseholdAsync(grid), Today.AddYears(-80).AddDays(-2), "周奶奶")).GetProperty("residentId").GetInt32();

        var derived = await site.AsSystemAsync(sp => sp.GetRequiredService<DeriveLifeEventsHandler>().HandleAsync(new DeriveLifeEvents(), CancellationToken.None));
        var repeated = await site.AsSystemAsync(sp => sp.GetRequiredService<DeriveLifeEventsHandler>().HandleAsync(new DeriveLifeEvents(), CancellationToken.None));
        var events = (await worker.GetJsonAsync($"/api/residents/{id}/services")).GetProperty("events").EnumerateArray().ToList();
        var turned80 = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().LifeEvents.SingleAsync(e => e.ResidentId == id && e.Kind == LifeEventKind.Turned80));
        var bundle = await worker.GetJsonAsync($"/api/life-events/{turned80.Id}");

        Assert.True(derived >= 1);
        Assert.Equal(0, repeated);
        Assert.True(turned80.Derived);
        Assert.Equal(Today.AddDays(-2), turned80.OccurredOn);
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "年满80周岁");
        Assert.Contains(bundle.GetProperty("bundle").EnumerateArray(), l => l.GetProperty("serviceName").GetString() == "高龄津贴");
    }

    private static async Task<int> RegisterDisabledElderAsync(CivicGridFactory site, HttpClient worker, string grid, int household, string name) =>
        (await ServiceKit.RegisterAsync(worker, await site.HouseholdAsync(grid, household), Today.AddYears(-75), name, tags: ["失能"])).GetProperty("residentId").GetInt32();

    private static Task<(EnrolmentStatus, EnrolmentStatus)> Statuses(CivicGridFactory site, int service, int first, int second) => site.AsSystemAsync(async sp =>
    {
        var rows = await sp.GetRequiredService<CivicGridDbContext>().ServiceEnrolments.Where(e => e.ServiceItemId == service).ToDictionaryAsync(e => e.ResidentId, e => e.Status);
        return (rows[first], rows[second]);
    });

    private static async Task<List<int>> PeopleAsync(HttpClient client, int service, string group) =>
        (await client.GetJsonAsync($"/api/services/{service}/targets/people?group={group}&page=1")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("residentId").GetInt32()).ToList();
}
