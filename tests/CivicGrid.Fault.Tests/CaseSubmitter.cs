using System.Net.Http.Json;
using System.Text.Json;

namespace CivicGrid.Fault.Tests;

/// <summary>A case the server answered 2xx for, with the marker its description carried.</summary>
internal sealed record AcknowledgedCase(int Id, string Marker);

/// <summary>
/// One signed-in account raising cases one after another, each with a marker of its own in the description, until told
/// to stop or the server goes away. Every case is sent once: nothing is retried, so a duplicate can only come from the server.
/// </summary>
internal sealed class CaseSubmitter(SignedIn account, string name, double latitude, double longitude)
{
    private const int MaxPerRound = 5_000;

    public int Sent { get; private set; }
    public int Refused { get; private set; }

    public async Task RunAsync(string round, List<AcknowledgedCase> acknowledged, CancellationToken stop)
    {
        using var client = account.Client();
        for (var n = 0; n < MaxPerRound && !stop.IsCancellationRequested; n++)
        {
            var marker = $"{round}-{name}-{n}";
            Sent++;
            try
            {
                using var response = await client.PostAsJsonAsync("/api/cases", Body(marker), stop);
                if (!response.IsSuccessStatusCode)
                {
                    Refused++;
                    continue;
                }
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetInt32();
                lock (acknowledged)
                {
                    acknowledged.Add(new AcknowledgedCase(id, marker));
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
            {
                // The server was killed under this request: it is not acknowledged, and the round is over for this account.
                return;
            }
        }
    }

    public static string Description(string marker) => $"楼道灯不亮，夜间出行不便。标记 {marker} 。";

    private object Body(string marker) => new { itemCode = "0101", description = Description(marker), latitude, longitude };
}
