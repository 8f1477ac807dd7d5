using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Coverage;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Before a node says it is ready, it does once what its first visitors would otherwise wait for: the case reference
/// data and the district's indicators behind the dashboard, and the coverage snapshot (a second or more at district
/// scale). <see cref="Readiness"/> answers "warming" meanwhile, so a balancer sends requests to the warm nodes.
/// A failure is logged and the node becomes ready anyway: a cold page is slow, not wrong.
/// </summary>
public sealed class WarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<WarmUp> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Done => _done.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            var watch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("warm-up"));
            await scope.ServiceProvider.GetRequiredService<CaseIndicatorsHandler>().HandleAsync(new CaseIndicators(), stoppingToken);
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            await scope.ServiceProvider.GetRequiredService<CoverageCache>().GetAsync(db, stoppingToken);
            log.LogInformation("Warmed up in {Milliseconds:N0} ms", watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warming up failed; the node serves cold");
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}
