using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CivicGrid.App.Notifications;

public interface IWebhookSender
{
    Task SendAsync(WebhookSubscription hook, OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// POSTs a case event to a subscriber, signed so it can tell the call came from us and is fresh:
/// <c>X-CivicGrid-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock) : IWebhookSender
{
    public const string ClientName = "webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task SendAsync(WebhookSubscription hook, OutboxMessage message, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-CivicGrid-Event", EventOf(message.Body));
        request.Headers.Add("X-CivicGrid-Delivery", message.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CivicGrid-Timestamp", timestamp);
        request.Headers.Add("X-CivicGrid-Signature", "sha256=" + Sign(hook.Secret, timestamp, message.Body));

        using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryFailedException($"接收方返回 HTTP {(int)response.StatusCode}");
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static string EventOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("event", out var e) && e.GetString() is { Length: > 0 } name ? name : "case";
        }
        catch (JsonException)
        {
            return "case";
        }
    }
}

/// <summary>A delivery refused for a reason safe to store: it names no person and no address.</summary>
public sealed class DeliveryFailedException(string reason) : Exception(reason);
