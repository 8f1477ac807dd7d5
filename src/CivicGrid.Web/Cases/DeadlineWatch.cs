using CivicGrid.App.Access;
using CivicGrid.App.Cases;

namespace CivicGrid.Web.Cases;

/// <summary>
/// Runs the deadline sweep every <c>Deadlines:PollSeconds</c> (60 by default) on the host's clock. Every instance may
/// run it; the sweep itself makes sure each deadline is acted on once.
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Deadlines:PollSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("deadline-watch"));
                var result = await scope.ServiceProvider.GetRequiredService<SweepDeadlinesHandler>().HandleAsync(new SweepDeadlines(), stoppingToken);
                if (result.Reminded + result.Pressed + result.Escalated > 0)
                {
                    log.LogInformation("Deadline sweep: {Reminded} reminded, {Pressed} pressed, {Escalated} escalated, {Conflicts} taken by another instance",
                        result.Reminded, result.Pressed, result.Escalated, result.Conflicts);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deadline sweep failed; it will run again at the next interval");
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
