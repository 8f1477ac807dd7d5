using System.Text.Json;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

public class DeadlineTests
{
    private static Task<SweepResult> SweepAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<SweepDeadlinesHandler>().HandleAsync(new SweepDeadlines(), CancellationToken.None));

    private static Task<List<CaseAction>> ActionsAsync(CivicGridFactory site, int caseId) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseEvents.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UnansweredCaseIsEscalatedToTheCommunityOnceWhenItsResponseDeadlinePasses(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);

        site.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await SweepAsync(site)).Escalated);
        site.Clock.Advance(TimeSpan.FromHours(2));
        var first = await SweepAsync(site);
        var second = await SweepAsync(site);

        Assert.Equal((1, 0), (first.Escalated, second.Escalated));
        Assert.Equal([CaseAction.Receive, CaseAction.Escalate], await ActionsAsync(site, id));
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var detail = JsonDocument.Parse(await community.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal("Community", detail.GetProperty("level").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task LateDepartmentIsRemindedThenPressedOnceAndTheCaseCountsAsDue(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        var id = await CivicGridFactory.SubmitCaseAsync(community, grid, "0503", "井盖缺失，夜间有行人跌落风险");
        (await CivicGridFactory.ActAsync(community, id, "Accept")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(community, id, "Dispatch", new { departmentCode = "CG" })).EnsureSuccessStatusCode();

        // 0503 must be settled by the close of the next working day: Tuesday 17:00 China time.
        site.Clock.Advance(TimeSpan.FromHours(28));
        Assert.Equal(1, (await SweepAsync(site)).Reminded);
        site.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, (await SweepAsync(site)).Pressed);
        Assert.Equal(new SweepResult(0, 0, 0, 0), await SweepAsync(site));

        Assert.Equal([CaseAction.Receive, CaseAction.Accept, CaseAction.Dispatch, CaseAction.Remind, CaseAction.Press], await ActionsAsync(site, id));
        var due = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseMonthlyStats.SumAsync(s => s.Due));
        Assert.Equal(1, due);
    }

    [Fact]
    public async Task TwoInstancesSweepingOneDatabaseEscalateEachCaseExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var first = await CivicGridFactory.StartAsync(database);
        await using var second = CivicGridFactory.Attach(database);
        var grids = await first.GridsAsync();
        var worker = await first.CreateClientAsync(StaffRole.GridWorker, grids[0].Code[..6]);
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await CivicGridFactory.SubmitCaseAsync(worker, grids[i % grids.Count]));
        }

        first.Clock.Advance(TimeSpan.FromHours(3));
        second.Clock.Advance(TimeSpan.FromHours(3));
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SweepAsync(i % 2 == 0 ? first : second)));

        Assert.Equal(30, sweeps.Sum(s => s.Escalated));
        foreach (var id in ids)
        {
            Assert.Single(await ActionsAsync(second, id), a => a == CaseAction.Escalate);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheBackgroundWatchEscalatesWithoutBeingAsked(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var site = await CivicGridFactory.StartAsync(database);
        await using var watching = CivicGridFactory.Attach(database, watchDeadlines: true);
        var grid = (await site.GridsAsync())[0];
        var id = await CivicGridFactory.SubmitCaseAsync(await watching.CreateClientAsync(StaffRole.GridWorker, grid.Code), grid);

        watching.Clock.Advance(TimeSpan.FromHours(3));
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (!(await ActionsAsync(watching, id)).Contains(CaseAction.Escalate) && patience.Elapsed < TimeSpan.FromSeconds(20))
        {
            watching.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }

        Assert.Contains(CaseAction.Escalate, await ActionsAsync(watching, id));
    }
}
