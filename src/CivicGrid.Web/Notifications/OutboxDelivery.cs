using CivicGrid.App.Notifications;
using CivicGrid.Web.Hosting;
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
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "outbox";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));

    /// <returns>Whether the pass claimed a full batch: a backlog drains without sleeping between passes.</returns>
    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var command = new DeliverOutbox();
        var report = await services.GetRequiredService<DeliverOutboxHandler>().HandleAsync(command, ct);
        if (report.Failed > 0)
        {
            log.LogWarning("Outbox pass: {Sent} sent, {Failed} failed and will be retried", report.Sent, report.Failed);
        }
        return report.Claimed >= command.BatchSize && report.Failed < report.Claimed;
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
