using System.Net;
using System.Net.Http.Json;

namespace CivicGrid.Bench;

/// <summary>
/// The day-to-day traffic of a district server in ten requests: four new cases, two from the demo resident and two from
/// the grid worker; the admin's case list, indicators and resident list twice each.
/// </summary>
internal sealed class SoakMix : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public IReadOnlyList<LoadRequest> Requests { get; private set; } = [];

    public static async Task<SoakMix> SignInAsync(string address, string password, (double Latitude, double Longitude) grid)
    {
        var mix = new SoakMix();
        var resident = await mix.ClientAsync(address, "resident", password);
        var worker = await mix.ClientAsync(address, "gridworker", password);
        var admin = await mix.ClientAsync(address, "admin", password);
        mix.Requests =
        [
            Submit(resident, grid, "resident"), Get(admin, "/api/cases"), Submit(worker, grid, "grid worker"), Get(admin, "/api/indicators"),
            Submit(resident, grid, "resident"), Get(admin, "/api/residents"), Submit(worker, grid, "grid worker"), Get(admin, "/api/cases"),
            Get(admin, "/api/indicators"), Get(admin, "/api/residents"),
        ];
        return mix;
    }

    private async Task<HttpClient> ClientAsync(string address, string userName, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        _clients.Add(client);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static LoadRequest Submit(HttpClient client, (double Latitude, double Longitude) grid, string who)
    {
        var body = new { itemCode = "0101", description = "小区路灯坏了，晚上出行不安全", latitude = grid.Latitude, longitude = grid.Longitude };
        return new LoadRequest($"POST /api/cases ({who})", async ct =>
        {
            using var response = await client.PostAsJsonAsync("/api/cases", body, ct);
            return response.IsSuccessStatusCode;
        });
    }

    private static LoadRequest Get(HttpClient client, string path) => new($"GET {path}", async ct =>
    {
        using var response = await client.GetAsync(path, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return response.IsSuccessStatusCode;
    });

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
