namespace CivicGrid.App.Notifications.Sms;

/// <summary>The <c>Sms</c> settings section. With a gateway URL codes go out through it; without, into the sink folder.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>The provider's endpoint that takes one message as JSON.</summary>
    public string? GatewayUrl { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>The provider's approved template for a one-time code, with the parameter <c>code</c>.</summary>
    public string? Template { get; set; }
    /// <summary>Where messages are written as files when no gateway is set (development, tests, the demo).</summary>
    public string? SinkDirectory { get; set; }
}

/// <summary>One text message (短信): the provider sends its approved template with the parameters; <see cref="Text"/> is what the phone shows.</summary>
public sealed record SmsMessage(string Phone, IReadOnlyDictionary<string, string> Parameters, string Text);

public interface ISmsSender
{
    /// <exception cref="SmsFailedException">The provider did not accept the message.</exception>
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

public sealed class SmsFailedException(string message, Exception? inner = null) : Exception(message, inner);

public static class SmsTexts
{
    public static SmsMessage Code(string phone, string code) => new(phone, new Dictionary<string, string> { ["code"] = code },
        $"【CivicGrid】您的验证码为{code}，5分钟内有效。如非本人操作，请忽略本短信。");
}
