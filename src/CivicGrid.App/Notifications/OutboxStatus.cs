using Microsoft.EntityFrameworkCore;
using CivicGrid.App.Data;

namespace CivicGrid.App.Notifications;

public sealed record GetOutboxStatus;

/// <summary>What is waiting to leave the system, and whether e-mail can leave at all.</summary>
public sealed record OutboxStatus(bool EmailConfigured, int EmailsQueued, int WebhooksQueued, int GivenUp);

public sealed class OutboxStatusHandler(CivicGridDbContext db, IMailer mailer)
{
    public async Task<OutboxStatus> HandleAsync(GetOutboxStatus query, CancellationToken ct)
    {
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        var queued = pending.Where(m => m.Attempts < DeliverOutboxHandler.MaxAttempts);
        return new OutboxStatus(
            mailer.Configured,
            await queued.CountAsync(m => m.Kind == OutboxKind.Email, ct),
            await queued.CountAsync(m => m.Kind == OutboxKind.Webhook, ct),
            await pending.CountAsync(m => m.Attempts >= DeliverOutboxHandler.MaxAttempts, ct));
    }
}
