using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Notifications;

/// <summary>Runs delivery passes and reads the outbox, as the background service and an operator would.</summary>
internal static class Outbox
{
    public static Task<DeliveryReport> DeliverAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<DeliverOutboxHandler>().HandleAsync(new DeliverOutbox(), CancellationToken.None));

    public static Task<List<OutboxMessage>> RowsAsync(CivicGridFactory site, OutboxKind kind) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync());

    public static Dictionary<string, string?> Smtp(SmtpSink sink) => new()
    {
        ["Smtp:Host"] = sink.Host,
        ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
