using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Coverage;
using CivicGrid.App.PublicServices.Targets;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// Before a node says it is ready, it does once what its first visitors would otherwise wait for: the case reference
/// data, the district's indicators and the open cases on its map behind the dashboard (the newest open cases of five
/// million took 0.7-0.9 s cold, 30-60 ms after), the coverage snapshot (a second or more at district scale) and the
/// services' district target lists. <see cref="Readiness"/> answers "warming" meanwhile, so a balancer sends requests to the warm nodes.
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
            await scope.ServiceProvider.GetRequiredService<OpenCasePointsHandler>().HandleAsync(new OpenCasePoints(), stoppingToken);
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            await scope.ServiceProvider.GetRequiredService<CoverageCache>().GetAsync(db, stoppingToken);
            await WarmTargetListsAsync(scope.ServiceProvider, db, stoppingToken);
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

    /// <summary>
    /// Each published service's target list for the whole district, as the services page shows them first: the rule's
    /// statement, its query shapes and the rule-facts index are then warm for the first official who opens one.
    /// </summary>
    private static async Task WarmTargetListsAsync(IServiceProvider services, CivicGridDbContext db, CancellationToken ct)
    {
        var published = await db.ServiceItems.AsNoTracking().Where(s => s.PublishedRuleVersion != null).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(ct);
        var targets = services.GetRequiredService<GetServiceTargetsHandler>();
        foreach (var id in published)
        {
            await targets.HandleAsync(new GetServiceTargets(id), ct);
        }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}
