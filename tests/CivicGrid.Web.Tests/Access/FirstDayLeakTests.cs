using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.PublicServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Access;

/// <summary>The leaks a first-day walk through every role found: each closed, on both databases.</summary>
public class FirstDayLeakTests
{
    private sealed record Cases(int Public, int Visit, int Hardship);

    private static async Task<Cases> RaiseAsync(CivicGridFactory site, (string Code, double Latitude, double Longitude) grid)
    {
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        return new Cases(
            await CivicGridFactory.SubmitCaseAsync(resident, grid, "0101", "邻居装修噪音"),
            await CivicGridFactory.SubmitCaseAsync(worker, grid, "0101", "走访中听到的邻里矛盾"),
            await CivicGridFactory.SubmitCaseAsync(resident, grid, "0703", "家中老人患病，生活困难"));
    }

    private static Task<HttpStatusCode> SupportAsync(HttpClient client, int id) =>
        client.PostAsync($"/api/cases/{id}/support", null).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SupportIsOnlyForPublicCasesTheCallerMaySeeAndEverythingElseIsNotFound(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids[^1]);
        var cases = await RaiseAsync(site, home);
        var neighbour = await site.CreateClientAsync(StaffRole.Resident, home.Code);
        var homeWorker = await site.CreateClientAsync(StaffRole.GridWorker, home.Code);
        var awayWorker = await site.CreateClientAsync(StaffRole.GridWorker, away.Code);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "CG");

        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(neighbour, cases.Visit));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(neighbour, cases.Hardship));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(neighbour, 987654));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(awayWorker, cases.Public));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(homeWorker, cases.Hardship));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(homeWorker, cases.Visit));
        Assert.Equal(HttpStatusCode.NotFound, await SupportAsync(department, cases.Public));
        Assert.Equal(HttpStatusCode.OK, await SupportAsync(neighbour, cases.Public));
        Assert.Equal(HttpStatusCode.OK, await SupportAsync(homeWorker, cases.Public));
        Assert.Equal(HttpStatusCode.BadRequest, await SupportAsync(neighbour, cases.Public));

        var counts = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.SupportCount }).ToDictionaryAsync(c => c.Id, c => c.SupportCount));
        Assert.Equal(2, counts[cases.Public]);
        Assert.Equal(0, counts[cases.Visit]);
        Assert.Equal(0, counts[cases.Hardship]);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCivicSupervisorSeesThePublicLoopOnlyNotVisitRecordsNorHardship(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var home = (await site.GridsAsync())[0];
        var cases = await RaiseAsync(site, home);
        var supervisor = await site.CreateClientAsync(StaffRole.CivicSupervisor, home.Code[..9]);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, home.Code[..9]);

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/cases/{cases.Public}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/cases/{cases.Visit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/cases/{cases.Hardship}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/cases/{cases.Hardship}")).StatusCode);
        var listed = JsonDocument.Parse(await supervisor.GetStringAsync("/api/cases")).RootElement;
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var all = JsonDocument.Parse(await street.GetStringAsync("/api/cases")).RootElement;
        Assert.Equal(3, all.GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AllocationIsTheDistrictsActionSoAStreetCannotPlaceAnotherStreetsApplicants(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var beds = await site.ServiceIdAsync("S03");
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid[..9]);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid[..12]);
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, grid[..6]);

        var byStreet = await street.PostAsync($"/api/services/{beds}/allocate", null);
        var byCommunity = await community.PostAsync($"/api/services/{beds}/allocate", null);
        var byDistrict = await district.PostAsync($"/api/services/{beds}/allocate", null);
        var page = await street.GetStringAsync($"/services/{beds}");

        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCommunity.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byDistrict.StatusCode);
        Assert.DoesNotContain("id=\"allocate\"", page, StringComparison.Ordinal);
        Assert.Contains("名额由区级按优先规则统一分配", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Open311PublishesOnlyTheReplyStaffWroteForThePublicNeverNotesOrRatingComments(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        using var anyone = site.CreateClient();

        (await CivicGridFactory.ActAsync(worker, id, "Accept", new { note = "内部：户主脾气急，先电话联系", publicNote = "已受理，网格员三日内上门" })).EnsureSuccessStatusCode();
        var accepted = await anyone.GetStringAsync($"/open311/v2/requests/{id}.json");
        foreach (var action in new[] { "Handle", "Resolve" })
        {
            (await CivicGridFactory.ActAsync(worker, id, action)).EnsureSuccessStatusCode();
        }
        foreach (var action in new[] { "Verify", "Close" })
        {
            var moved = await CivicGridFactory.ActAsync(community, id, action);
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }
        var byResident = await CivicGridFactory.ActAsync(resident, id, "Rate", new { rating = "Unsatisfied", note = "工作人员态度差", publicNote = "想公开的话" });
        var rated = await CivicGridFactory.ActAsync(resident, id, "Rate", new { rating = "Unsatisfied", note = "工作人员态度差" });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        var closed = await anyone.GetStringAsync($"/open311/v2/requests/{id}.json");
        var listed = await anyone.GetStringAsync("/open311/v2/requests.json");
        var timeline = await resident.GetStringAsync($"/api/cases/{id}");

        Assert.Contains("已受理，网格员三日内上门", accepted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, byResident.StatusCode);
        Assert.Contains("已受理，网格员三日内上门", closed, StringComparison.Ordinal);
        foreach (var text in new[] { closed, listed })
        {
            Assert.DoesNotContain("户主脾气急", text, StringComparison.Ordinal);
            Assert.DoesNotContain("态度差", text, StringComparison.Ordinal);
            Assert.DoesNotContain("说明", text, StringComparison.Ordinal);
        }
        Assert.Contains("已受理，网格员三日内上门", timeline, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PagesOfRecordsOutsideTheScopeAnswer404AsTheApiDoes(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var grids = await site.GridsAsync();
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grids[0].Code);
        var outside = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var away = grids[^1].Code;
            return (Resident: await db.Residents.Where(r => r.GridCode == away).Select(r => r.Id).FirstAsync(),
                Household: await db.Households.Where(h => h.GridCode == away).Select(h => h.Id).FirstAsync(),
                Building: await db.Buildings.Where(b => b.GridCode == away).Select(b => b.Id).FirstAsync());
        });

        foreach (var path in new[] { $"/residents/{outside.Resident}", $"/households/{outside.Household}", $"/buildings/{outside.Building}",
                     $"/territory/{grids[^1].Code}", "/cases/987654", "/residents/987654" })
        {
            var response = await worker.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
            Assert.Contains("不在您的管辖范围内", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/territory/{grids[0].Code}")).StatusCode);
    }
}
