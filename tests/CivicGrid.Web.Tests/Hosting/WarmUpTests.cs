using System.Net;
using CivicGrid.App.PublicServices.Coverage;
using CivicGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Hosting;

public class WarmUpTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ANodeIsReadyOnlyOnceItHoldsTheCoverageSnapshotItsFirstVisitorWouldWaitFor(DatabaseKind kind)
    {
        await using var warm = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?> { ["WarmUp:Enabled"] = "true" });
        await using var cold = CivicGridFactory.Attach(warm.Database);

        await WaitUntilReadyAsync(warm);
        await WaitUntilReadyAsync(cold);

        Assert.NotNull(warm.Services.GetRequiredService<CoverageCache>().Latest);
        Assert.Null(cold.Services.GetRequiredService<CoverageCache>().Latest);
    }

    private static async Task WaitUntilReadyAsync(CivicGridFactory site)
    {
        var client = site.CreateClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The node did not become ready within a minute.");
            await Task.Delay(50);
        }
    }
}
