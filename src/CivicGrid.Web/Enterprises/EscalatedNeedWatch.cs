using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises;

/// <summary>Brings closed cases' results back to the enterprise needs they came from, as often as the deadline watch runs.</summary>
public sealed class EscalatedNeedWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<EscalatedNeedWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "escalated-need-watch";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Deadlines:PollSeconds", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var command = new SettleEscalatedNeeds();
        var settled = await services.GetRequiredService<SettleEscalatedNeedsHandler>().HandleAsync(command, ct);
        if (settled > 0)
        {
            log.LogInformation("Escalated needs settled from their closed cases: {Settled}", settled);
        }
        return settled >= command.BatchSize;
    }
}
