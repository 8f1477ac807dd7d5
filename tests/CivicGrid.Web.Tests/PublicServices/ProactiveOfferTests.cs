using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Offers;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.PublicServices;

public class ProactiveOfferTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ANewlyRegistered80YearOldIsOnTheTargetListWithAnOfferAndAVisitTask(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var allowance = await site.ServiceIdAsync("S01");
        var before = (await worker.GetJsonAsync($"/api/services/{allowance}/targets")).GetProperty("total");

        var registered = await ServiceKit.RegisterAsync(worker, await site.HouseholdAsync(grid), DateOnly.FromDateTime(AppHarness.Now.UtcDateTime).AddYears(-81), "王老伯");
        var residentId = registered.GetProperty("residentId").GetInt32();
        var after = (await worker.GetJsonAsync($"/api/services/{allowance}/targets")).GetProperty("total");
        var offered = await worker.GetJsonAsync($"/api/services/{allowance}/targets/people?group=Offered");
        var services = await worker.GetJsonAsync($"/api/residents/{residentId}/services");
        var tasks = await worker.GetJsonAsync("/api/visit-tasks");
        var export = await worker.GetAsync($"/api/services/{allowance}/targets/export?group=Offered&format=csv");
        var elsewhere = await worker.GetAsync($"/api/services/{allowance}/targets/export?node=330105002&format=csv");

        Assert.Equal(before.GetProperty("eligible").GetInt32() + 1, after.GetProperty("eligible").GetInt32());
        Assert.Equal(before.GetProperty("offered").GetInt32() + 1, after.GetProperty("offered").GetInt32());
        Assert.Contains(offered.GetProperty("items").EnumerateArray(), p => p.GetProperty("residentId").GetInt32() == residentId && p.GetProperty("idNumber").GetString()!.Contains('*', StringComparison.Ordinal));
        Assert.Contains(services.GetProperty("enrolments").EnumerateArray(), e => e.GetProperty("serviceName").GetString() == "高龄津贴" && e.GetProperty("statusName").GetString() == "已推送");
        Assert.Contains(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("residentId").GetInt32() == residentId && t.GetProperty("reason").GetString()!.Contains("高龄津贴", StringComparison.Ordinal));
        var sheet = await export.Content.ReadAsStringAsync();
        Assert.Contains("王老伯", sheet, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{17}[\dX]", sheet);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSweepOffersEveryEligibleResidentOnceAndOnlyThem(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var resident = await site.CreateClientAsync(StaffRole.Resident, (await site.GridsAsync())[0].Code);
        var unreached = await site.AsSystemAsync(async sp =>
        {
            // An elderly resident the demo history has not reached yet, whose account is linked to their record.
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var elder = await db.Residents.Where(r => r.BirthDate < new DateOnly(1960, 1, 1)).OrderBy(r => r.Id).FirstAsync();
            await db.ServiceEnrolments.Where(e => e.ResidentId == elder.Id).ExecuteDeleteAsync();
            (await db.Users.SingleAsync(u => u.Role == StaffRole.Resident)).ResidentId = elder.Id;
            await db.SaveChangesAsync();
            return elder.Id;
        });
        var first = await site.AsSystemAsync(sp => sp.GetRequiredService<SweepOffersHandler>().HandleAsync(new SweepOffers(BatchSize: 7), CancellationToken.None));
        var second = await site.AsSystemAsync(sp => sp.GetRequiredService<SweepOffersHandler>().HandleAsync(new SweepOffers(), CancellationToken.None));
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var elderly = await admin.GetJsonAsync($"/api/services/{await site.ServiceIdAsync("S16")}/targets");
        var applied = await admin.GetJsonAsync($"/api/services/{await site.ServiceIdAsync("S22")}/targets");
        var tasks = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().VisitTasks.CountAsync());

        var inbox = await resident.GetJsonAsync("/api/inbox");
        var own = await resident.GetJsonAsync("/api/my/services");

        Assert.Equal(0, second.Offers);
        Assert.Contains("您可享受：老年人防诈骗课堂", inbox.ToString(), StringComparison.Ordinal);
        Assert.Equal(unreached, own.GetProperty("residentId").GetInt32());
        Assert.Contains(own.GetProperty("enrolments").EnumerateArray(), e => e.GetProperty("serviceName").GetString() == "老年人防诈骗课堂");
        Assert.Equal(first.Offers, tasks);
        Assert.Equal(0, elderly.GetProperty("total").GetProperty("missed").GetInt32());
        Assert.Equal(elderly.GetProperty("total").GetProperty("eligible").GetInt32(),
            elderly.GetProperty("total").GetProperty("offered").GetInt32() + elderly.GetProperty("total").GetProperty("enrolled").GetInt32() + elderly.GetProperty("total").GetProperty("declined").GetInt32());
        Assert.True(applied.GetProperty("total").GetProperty("missed").GetInt32() > 0, "services residents apply for are not pushed");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AResidentAnswersTheirOwnOffersAndNoOneElses(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var household = await site.HouseholdAsync(grid);
        var mine = (await ServiceKit.RegisterAsync(worker, household, DateOnly.FromDateTime(AppHarness.Now.UtcDateTime).AddYears(-82), "李奶奶")).GetProperty("residentId").GetInt32();
        var theirs = (await ServiceKit.RegisterAsync(worker, household, DateOnly.FromDateTime(AppHarness.Now.UtcDateTime).AddYears(-83), "赵爷爷")).GetProperty("residentId").GetInt32();
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid);
        var userName = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Users.Where(u => u.Role == StaffRole.Resident).Select(u => u.UserName).SingleAsync());
        var wrongName = await worker.PutAsJsonAsync($"/api/residents/{mine}/account", new { userName = "nobody" });
        var outsider = await (await site.CreateClientAsync(StaffRole.GridWorker, (await site.GridsAsync())[^1].Code)).PutAsJsonAsync($"/api/residents/{mine}/account", new { userName });
        (await worker.PutAsJsonAsync($"/api/residents/{mine}/account", new { userName })).EnsureSuccessStatusCode();
        var own = await resident.GetJsonAsync("/api/my/services");
        var offer = own.GetProperty("enrolments").EnumerateArray().First(e => e.GetProperty("serviceName").GetString() == "高龄津贴");
        var other = (await worker.GetJsonAsync($"/api/residents/{theirs}/services")).GetProperty("enrolments").EnumerateArray().First();

        var accept = await resident.PostAsJsonAsync($"/api/enrolments/{offer.GetProperty("id").GetInt32()}/moves", new { move = (int)EnrolmentMoveKind.Accept, version = offer.GetProperty("version").GetInt32() });
        var meddle = await resident.PostAsJsonAsync($"/api/enrolments/{other.GetProperty("id").GetInt32()}/moves", new { move = (int)EnrolmentMoveKind.Decline, version = other.GetProperty("version").GetInt32() });
        var stale = await resident.PostAsJsonAsync($"/api/enrolments/{offer.GetProperty("id").GetInt32()}/moves", new { move = (int)EnrolmentMoveKind.Decline, version = offer.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(userName, (await worker.GetJsonAsync($"/api/residents/{mine}/services")).GetProperty("account").GetString());
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal($"\"{nameof(EnrolmentStatus.Enrolled)}\"", await accept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, meddle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/residents/{theirs}/services")).StatusCode);
    }
}
