using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Whether a load balancer should send this node requests: not before it has started (migrations, caches) and warmed
/// up (<see cref="WarmUp"/>, when it runs), and not once it has been told to stop, so it can finish what it has while
/// new requests go to the other nodes.
/// </summary>
public sealed class Readiness(IHostApplicationLifetime lifetime, IServiceProvider services) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("draining")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("starting")
            : services.GetService<WarmUp>() is { Done: false } ? HealthCheckResult.Unhealthy("warming up")
            : HealthCheckResult.Healthy());
}
