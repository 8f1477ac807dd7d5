using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.GridWork;

public class HandoverTests
{
    private static Task<T> DbAsync<T>(CivicGridFactory site, Func<CivicGridDbContext, Task<T>> work) =>
        site.AsSystemAsync(sp => work(sp.GetRequiredService<CivicGridDbContext>()));

    private static Task<List<(int CaseId, string? Note)>> HandoverEventsAsync(CivicGridFactory site) => DbAsync(site, async db =>
        (await db.CaseEvents.Where(e => e.Action == CaseAction.HandOver).Select(e => new { e.CaseId, e.Note }).ToListAsync()).ConvertAll(e => (e.CaseId, e.Note)));

    private static Task<StaffUser> AccountAsync(CivicGridFactory site, string userName) =>
        DbAsync(site, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    private static async Task<List<string>> GapsAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/grid-work/gaps")).RootElement.EnumerateArray().Select(g => g.GetProperty("code").GetString()!).ToList();

    /// <summary>Adds an open and a done visit task and an offer to the grid, so each kind of item is there to move.</summary>
    private static Task<int> AddVisitsAndOffersAsync(CivicGridFactory site, string grid) => DbAsync(site, async db =>
    {
        var resident = await db.Residents.IgnoreQueryFilters().Where(r => r.GridCode == grid).Select(r => r.Id).FirstAsync();
        var service = await db.ServiceItems.Select(s => s.Id).FirstAsync();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.VisitTasks.Add(new VisitTask { GridCode = grid, ResidentId = resident, Reason = "测试走访", CreatedAt = now });
        db.VisitTasks.Add(new VisitTask { GridCode = grid, ResidentId = resident, Reason = "已走访", CreatedAt = now, DoneAt = now, DoneBy = "gridworker0" });
        if (!await db.ServiceEnrolments.IgnoreQueryFilters().AnyAsync(e => e.ServiceItemId == service && e.ResidentId == resident))
        {
            db.ServiceEnrolments.Add(ServiceEnrolment.Offer(service, resident, grid, EnrolmentSource.Proactive, now));
        }
        return await db.SaveChangesAsync();
    });

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AHandoverMovesEveryOpenItemOfTheGridExactlyOnceAndLeavesClosedOnesAlone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var inStreet = grids.Where(g => g.Code.StartsWith(grids[0].Code[..9], StringComparison.Ordinal)).ToList();
        var (grid, successorGrid, newGrid) = (inStreet[0], inStreet[1], inStreet[^1]);
        var leaver = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var successor = await site.CreateAccountAsync(StaffRole.GridWorker, successorGrid.Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid.Code[..9]);
        var open = new[] { await CivicGridFactory.SubmitCaseAsync(community, grid), await CivicGridFactory.SubmitCaseAsync(community, grid, "0203", "楼道里电动车充电") };
        (await CivicGridFactory.ActAsync(community, open[1], "Accept")).EnsureSuccessStatusCode();
        var rejected = await CivicGridFactory.SubmitCaseAsync(community, grid, "0203", "楼道电动车充电，已重复反映");
        (await CivicGridFactory.ActAsync(community, rejected, "Reject")).EnsureSuccessStatusCode();
        var elsewhere = await CivicGridFactory.SubmitCaseAsync(street, successorGrid);
        await AddVisitsAndOffersAsync(site, grid.Code);
        var expected = await DbAsync(site, async db => (
            Cases: await db.Cases.CountAsync(c => c.GridCode == grid.Code && CaseNames.Open.Contains(c.Status)),
            Visits: await db.VisitTasks.CountAsync(t => t.GridCode == grid.Code && t.DoneAt == null),
            Offers: await db.ServiceEnrolments.CountAsync(e => e.GridCode == grid.Code && e.Status == EnrolmentStatus.Offered)));
        Assert.DoesNotContain(successorGrid.Code, await GapsAsync(street));

        var preview = JsonDocument.Parse(await (await street.PostAsJsonAsync("/api/grid-work/handover/preview", new { from = leaver, to = successor, newGridCode = newGrid.Code }))
            .EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(await HandoverEventsAsync(site));
        var done = JsonDocument.Parse(await (await street.PostAsJsonAsync("/api/grid-work/handover", new { from = leaver, to = successor, newGridCode = newGrid.Code }))
            .EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;

        Assert.Equal((2, expected.Cases), (expected.Cases, preview.GetProperty("cases").GetInt32()));
        Assert.Equal((expected.Visits, expected.Offers), (preview.GetProperty("visitTasks").GetInt32(), preview.GetProperty("offers").GetInt32()));
        Assert.True(expected.Visits >= 1 && expected.Offers >= 1);
        Assert.Equal(successorGrid.Code, preview.GetProperty("successorLeaves").GetString());
        Assert.Equal(expected.Cases, done.GetProperty("cases").GetInt32());
        var events = await HandoverEventsAsync(site);
        Assert.Equal(open.Order(), events.Select(e => e.CaseId).Order());
        Assert.All(events, e => Assert.Equal($"移交：网格员（{leaver}） → 网格员（{successor}）", e.Note));
        Assert.Equal(grid.Code, (await AccountAsync(site, successor)).ScopeCode);
        Assert.Equal(newGrid.Code, (await AccountAsync(site, leaver)).ScopeCode);
        var afterwards = await DbAsync(site, async db => (
            Visits: await db.VisitTasks.CountAsync(t => t.GridCode == grid.Code && t.DoneAt == null),
            Offers: await db.ServiceEnrolments.CountAsync(e => e.GridCode == grid.Code && e.Status == EnrolmentStatus.Offered),
            Rejected: await db.CaseEvents.CountAsync(e => e.CaseId == rejected || e.CaseId == elsewhere)));
        Assert.Equal((expected.Visits, expected.Offers, 3), afterwards);

        // The successor, signed in afresh, works the old grid: its open cases and its visit tasks.
        var successorClient = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await successorClient.PostAsJsonAsync("/api/auth/login", new { userName = successor, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        var cases = JsonDocument.Parse(await successorClient.GetStringAsync("/api/cases?open=true")).RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(open.Order(), cases.Order());
        var timeline = await successorClient.GetStringAsync($"/api/cases/{open[0]}");
        Assert.Contains("移交：", timeline, StringComparison.Ordinal);

        var gaps = await GapsAsync(street);
        Assert.Contains(successorGrid.Code, gaps);
        Assert.DoesNotContain(grid.Code, gaps);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ALeaverIsStoodDownAndBadPairsAreRefusedInChinese(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var grid = grids[0];
        var leaver = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var successor = await site.CreateAccountAsync(StaffRole.GridWorker, grid.Code);
        var staff = await site.CreateAccountAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var outsider = await site.CreateAccountAsync(StaffRole.GridWorker, grids.First(g => g.Code[..12] != grid.Code[..12]).Code);
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);

        async Task<string> RefusalAsync(object body)
        {
            var response = await community.PostAsJsonAsync("/api/grid-work/handover", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("接任者必须是网格员账号", await RefusalAsync(new { from = leaver, to = staff }), StringComparison.Ordinal);
        Assert.Contains("接任者不能是移交人本人", await RefusalAsync(new { from = leaver, to = leaver }), StringComparison.Ordinal);
        Assert.Contains("请选择本辖区内的接任者", await RefusalAsync(new { from = leaver, to = outsider }), StringComparison.Ordinal);
        Assert.Contains("请选择本辖区内要移交工作的网格员", await RefusalAsync(new { from = outsider, to = successor }), StringComparison.Ordinal);
        Assert.Contains("调往的网格不存在", await RefusalAsync(new { from = leaver, to = successor, newGridCode = "330105999" }), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/grid-work/handover", new { from = leaver, to = successor })).StatusCode);
        Assert.Empty(await HandoverEventsAsync(site));

        (await community.PostAsJsonAsync("/api/grid-work/handover", new { from = leaver, to = successor })).EnsureSuccessStatusCode();

        var login = await site.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = leaver, password = CivicGridFactory.Password });
        Assert.False(login.IsSuccessStatusCode);
        Assert.Equal(grid.Code, (await AccountAsync(site, successor)).ScopeCode);
        var workers = JsonDocument.Parse(await community.GetStringAsync("/api/grid-work/workers")).RootElement.EnumerateArray()
            .ToDictionary(w => w.GetProperty("userName").GetString()!, w => w.GetProperty("active").GetBoolean());
        Assert.False(workers[leaver]);
        Assert.True(workers[successor]);
        Assert.DoesNotContain(grid.Code, await GapsAsync(community));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWhoseOnlyGridWorkerIsLockedOutIsAGap(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grids[0].Code[..9]);
        var inStreet = grids.Where(g => g.Code.StartsWith(grids[0].Code[..9], StringComparison.Ordinal)).Select(g => g.Code).ToList();
        var locked = await site.CreateAccountAsync(StaffRole.GridWorker, grids[0].Code);
        await site.CreateAccountAsync(StaffRole.GridWorker, grids[1].Code);
        await DbAsync(site, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == locked);
            user.LockoutEnd = db.Clock.GetUtcNow().AddMinutes(15);
            return await db.SaveChangesAsync();
        });

        var gaps = await GapsAsync(street);

        Assert.Equal(inStreet.Where(g => g != grids[1].Code), gaps);
        site.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.DoesNotContain(grids[0].Code, await GapsAsync(street));
    }
}
