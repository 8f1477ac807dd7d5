using CivicGrid.App.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicGrid.Web.Hosting;

public sealed class DatabaseHealthCheck(CivicGridDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}
