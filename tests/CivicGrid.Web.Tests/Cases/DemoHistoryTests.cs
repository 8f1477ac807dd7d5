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
}
