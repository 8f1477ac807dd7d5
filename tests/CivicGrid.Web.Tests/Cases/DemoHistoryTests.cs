using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

public class DemoHistoryTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EverySeededCaseHasATimelineTheStateMachineCouldHaveWritten(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, DemoScale.Tiny with { HistoricCases = 400 });

        var cases = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.AsNoTracking().Include(c => c.Timeline).ToListAsync());

        Assert.Equal(400, cases.Count);
        Assert.Contains(cases, c => c.Status == CaseStatus.Closed);
        Assert.All(cases, c =>
        {
            var problem = CaseTimeline.Problem(c.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).ToList(), c.Status);
            Assert.True(problem is null, $"#{c.Id} {c.Status.ChineseName()}: {problem}");
        });
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SeededStreetRollUpIsTheGridRollUpSummedByStreet(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, DemoScale.Tiny with { HistoricCases = 400 });

        var (grids, streets) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            return (await db.CaseMonthlyStats.AsNoTracking().ToListAsync(), await db.CaseMonthlyStreetStats.AsNoTracking().ToListAsync());
        });

        var summed = grids.GroupBy(g => $"{g.Month} {g.GridCode[..9]} {g.ItemCode} {g.DepartmentCode}")
            .ToDictionary(g => g.Key, g => g.Aggregate(IndicatorCounts.Zero, (sum, r) => sum + r.Counts));
        Assert.Equal(400, summed.Values.Sum(c => c.Received));
        Assert.True(summed.Count < grids.Count, "the tiny district's streets should each hold cases of several grids");
        Assert.Equal(summed.OrderBy(s => s.Key, StringComparer.Ordinal),
            streets.ToDictionary(s => $"{s.Month} {s.StreetCode} {s.ItemCode} {s.DepartmentCode}", s => s.Counts).OrderBy(s => s.Key, StringComparer.Ordinal));
    }
}
