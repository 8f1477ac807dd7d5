using CivicGrid.App.Access;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Work the system does in the background every interval, as itself, on the host's clock. A failed pass is logged and
/// the next one runs as usual: a database outage must not stop the site.
/// </summary>
public abstract class SystemWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger log) : BackgroundService
{
    protected abstract string Name { get; }
    protected abstract TimeSpan Interval { get; }

    /// <returns>Whether more work is waiting, so the next pass starts at once.</returns>
    protected abstract Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction(Name));
                more = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Worker} pass failed; it runs again at the next interval", Name);
            }
            if (more)
            {
                continue;
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
