namespace CivicGrid.App.Notifications;

/// <summary>A message in an account's in-app inbox (消息).</summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum OutboxKind
{
    Email,
    Webhook,
}

/// <summary>
/// A message to leave the system (an e-mail or a webhook call), written in the same transaction as the change that
/// caused it and delivered afterwards with retries, so a crash between the two neither loses nor invents it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary>The e-mail address, or the webhook subscription's id.</summary>
    public required string Target { get; set; }
    public string Subject { get; set; } = "";
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set by the instance delivering it, so two instances never send one message twice.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>An integration's endpoint that receives signed case events (HMAC-SHA256 of the body with its secret).</summary>
public sealed class WebhookSubscription
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
