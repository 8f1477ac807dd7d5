using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicGrid.App.Notifications;

/// <summary>The <c>Smtp</c> settings section. Without a host, e-mail waits in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "CivicGrid <noreply@civicgrid.local>";
    /// <summary>Upgrade to TLS when the server offers STARTTLS.</summary>
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public interface IMailer
{
    /// <summary>Whether a server is configured; when not, e-mail is left queued rather than failed.</summary>
    bool Configured { get; }

    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>Sends plain-text mail through the configured SMTP server, one connection per message.</summary>
public sealed class SmtpMailer(IOptionsMonitor<SmtpOptions> options, TimeProvider clock) : IMailer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public bool Configured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var host = settings.Host ?? throw new DeliveryFailedException("未配置邮件服务器");
        using var message = new MimeMessage { Subject = subject, Date = clock.GetUtcNow(), Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var security = settings.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None;
        await client.ConnectAsync(host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
