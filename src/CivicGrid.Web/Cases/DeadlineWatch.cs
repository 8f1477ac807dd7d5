using CivicGrid.App.Cases;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cases;

/// <summary>
/// Runs the deadline sweep every <c>Deadlines:PollSeconds</c> (60 by default). Every instance may run it; the sweep
/// itself makes sure each deadline is acted on once.
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "deadline-watch";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Deadlines:PollSeconds", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var command = new SweepDeadlines();
        var result = await services.GetRequiredService<SweepDeadlinesHandler>().HandleAsync(command, ct);
        if (result.Reminded + result.Pressed + result.Escalated > 0)
        {
            log.LogInformation("Deadline sweep: {Reminded} reminded, {Pressed} pressed, {Escalated} escalated, {Conflicts} taken by another instance",
                result.Reminded, result.Pressed, result.Escalated, result.Conflicts);
        }
        return result.Reminded + result.Pressed + result.Escalated + result.Conflicts >= command.BatchSize;
    }
}
