using System.Globalization;
using System.Net.Sockets;
using CivicGrid.App.Data;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Notifications;

/// <summary>One delivery pass over the outbox.</summary>
public sealed record DeliverOutbox(int BatchSize = 50);

public sealed record DeliveryReport(int Claimed, int Sent, int Failed);

/// <summary>
/// Claims the due messages for this pass, delivers them and records the result. The claim is one conditional UPDATE,
/// so when several instances (or passes) run at once each message is claimed by exactly one of them.
/// </summary>
public sealed class DeliverOutboxHandler(CivicGridDbContext db, IMailer mailer, IWebhookSender webhooks)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    /// <summary>Stop sending this long before the claim runs out, so a slow send never overlaps another instance's retry.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    public async Task<DeliveryReport> HandleAsync(DeliverOutbox command, CancellationToken ct)
    {
        var (claimant, until) = await ClaimAsync(command.BatchSize, ct);
        var messages = await db.OutboxMessages.Where(m => m.ClaimedBy == claimant && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var message in messages)
        {
            if (db.Clock.GetUtcNow().UtcDateTime >= until - Margin)
            {
                break;
            }
            if (await DeliverAsync(message, ct))
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }
        await ReleaseAsync(claimant, ct);
        return new DeliveryReport(messages.Count, sent, failed);
    }

    private async Task<(string Claimant, DateTime Until)> ClaimAsync(int batchSize, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var until = now + ClaimFor;
        // Unique per pass, not per process: two passes in one process must not read back each other's claims.
        var claimant = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var emails = mailer.Configured;
        var candidates = await Due(now, emails).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(ct);
        if (candidates.Count > 0)
        {
            // The due condition is repeated on the updated rows themselves: an instance that lost the race finds it false.
            await Due(now, emails).Where(m => candidates.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claimant).SetProperty(m => m.ClaimedUntil, until), ct);
        }
        return (claimant, until);
    }

    private IQueryable<OutboxMessage> Due(DateTime now, bool emails) =>
        db.OutboxMessages.Where(m => m.SentAt == null && m.Attempts < MaxAttempts && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now) && (emails || m.Kind != OutboxKind.Email));

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await SendAsync(message, ct);
            message.SentAt = db.Clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            message.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not DbUpdateException)
        {
            Fail(message, Reason(e));
            await db.SaveChangesAsync(ct);
            return false;
        }
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Kind == OutboxKind.Email)
        {
            await mailer.SendAsync(message.Target, message.Subject, message.Body, ct);
            return;
        }
        var id = int.TryParse(message.Target, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var hook = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (hook is not { Active: true })
        {
            // Nobody is listening any more; retrying would only fill the log.
            message.Attempts = MaxAttempts - 1;
            throw new DeliveryFailedException(hook is null ? "订阅已删除" : "订阅已停用");
        }
        await webhooks.SendAsync(hook, message, ct);
    }

    private void Fail(OutboxMessage message, string reason)
    {
        message.Attempts++;
        message.LastError = reason.Length > 1000 ? reason[..1000] : reason;
        message.ClaimedUntil = null;
        message.NextAttemptAt = db.Clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
    }

    /// <summary>1, 2, 4 … minutes after the first, second, third failure, never more than an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 7 ? MaxBackoff : TimeSpan.FromMinutes(1 << Math.Max(0, attempts - 1));

    /// <summary>Why a send failed, in words that carry no address, name or message text.</summary>
    private static string Reason(Exception e) => e switch
    {
        DeliveryFailedException d => d.Message,
        SmtpCommandException s => $"SMTP 服务器拒绝（{(int)s.StatusCode} {s.ErrorCode}）",
        SmtpProtocolException => "SMTP 协议错误",
        MailKit.Security.AuthenticationException => "SMTP 认证失败",
        ServiceNotConnectedException or SocketException => "无法连接服务器",
        HttpRequestException h => $"请求失败（{h.HttpRequestError}）",
        TimeoutException or OperationCanceledException => "超时",
        _ => $"发送失败（{e.GetType().Name}）",
    };

    /// <summary>Hands back what this pass claimed but did not get to, so the next pass need not wait out the claim.</summary>
    private Task<int> ReleaseAsync(string claimant, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.ClaimedBy == claimant && m.SentAt == null && m.ClaimedUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
}
