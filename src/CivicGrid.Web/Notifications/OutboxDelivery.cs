using CivicGrid.App.Access;
using CivicGrid.App.Notifications;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications;

/// <summary>The <c>Notifications</c> settings section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
}

/// <summary>Runs a delivery pass over the outbox every few seconds, as the system, for as long as the site runs.</summary>
public sealed class OutboxDelivery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<OutboxDelivery> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await DeliverOnceAsync(stoppingToken))
            {
                // A full batch means more is waiting: a backlog drains without sleeping between passes.
                continue;
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

    /// <returns>Whether the pass claimed a full batch.</returns>
    private async Task<bool> DeliverOnceAsync(CancellationToken ct)
    {
        var command = new DeliverOutbox();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("outbox"));
            var report = await scope.ServiceProvider.GetRequiredService<DeliverOutboxHandler>().HandleAsync(command, ct);
            if (report.Failed > 0)
            {
                log.LogWarning("Outbox pass: {Sent} sent, {Failed} failed and will be retried", report.Sent, report.Failed);
            }
            return report.Claimed >= command.BatchSize && report.Failed < report.Claimed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A database outage must not stop the site; the next pass tries again.
            log.LogError(e, "Outbox delivery pass failed");
        }
        return false;
    }
}

public static class OutboxDeliveryRegistration
{
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NotificationOptions.Section);
        services.Configure<NotificationOptions>(section);
        if (section.GetValue(nameof(NotificationOptions.Enabled), true))
        {
            services.AddHostedService<OutboxDelivery>();
        }
        return services;
    }
}
