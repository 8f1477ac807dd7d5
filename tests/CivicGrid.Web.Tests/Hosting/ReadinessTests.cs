using System.Net;
using CivicGrid.Testing;
using CivicGrid.Web.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Hosting;

public class ReadinessTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationTokenSource Stopping { get; } = new();
        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopping.Cancel();
    }

    [Fact]
    public async Task ANodeIsReadyOnlyBetweenStartingAndBeingToldToStop()
    {
        var lifetime = new Lifetime();
        var check = new Readiness(lifetime, new ServiceCollection().BuildServiceProvider());
        async Task<HealthStatus> StatusAsync() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        var starting = await StatusAsync();
        await lifetime.Started.CancelAsync();
        var running = await StatusAsync();
        lifetime.StopApplication();

        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Healthy, HealthStatus.Unhealthy), (starting, running, await StatusAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARunningNodeSaysItIsAliveAndReady(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
