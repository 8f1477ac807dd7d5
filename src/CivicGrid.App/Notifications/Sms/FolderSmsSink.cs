using System.Text.Json;

namespace CivicGrid.App.Notifications.Sms;

/// <summary>
/// Without a gateway, each message is written as a JSON file into a folder: the developer reads the code there, and
/// the tests read it as a phone would.
/// </summary>
public sealed class FolderSmsSink(string directory, TimeProvider clock) : ISmsSender
{
    public string Directory => directory;

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.json";
        await File.WriteAllTextAsync(Path.Combine(directory, name), JsonSerializer.Serialize(message), ct);
    }

    /// <summary>The messages written so far, oldest first.</summary>
    public IReadOnlyList<SmsMessage> Messages() => !System.IO.Directory.Exists(directory)
        ? []
        : [.. System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<SmsMessage>(File.ReadAllText(f))!)];
}
