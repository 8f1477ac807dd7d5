using CivicGrid.Testing;

namespace CivicGrid.Bench;

/// <summary>
/// The built web server (the same configuration as the bench) started as a process of its own over a bench database on
/// a loopback port, without the demo seeding or background sweeps, so that its memory is read apart from the bench's.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly WebServerProcess _server;
    private readonly string _dataDirectory;

    private ServerProcess(WebServerProcess server, string dataDirectory)
    {
        _server = server;
        _dataDirectory = dataDirectory;
    }

    public string Address => _server.Address;

    public int Id => _server.Id;

    public ProcessMemory Memory() => ProcessMemory.Of(_server.Id);

    /// <param name="overrides">Settings that replace the bench's defaults, such as a higher intake rate limit.</param>
    public static async Task<ServerProcess> StartAsync(BenchDatabase database, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-server-{Guid.NewGuid():N}");
        var settings = Settings(database, dataDirectory);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new ServerProcess(await WebServerProcess.StartAsync(WebServerProcess.FreeLoopbackAddress(), settings), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(BenchDatabase database, string dataDirectory) =>
        new(database.Settings.Concat(new Dictionary<string, string?>
        {
            ["DataDirectory"] = dataDirectory,
            ["Demo:Seed"] = "false",
            ["Security:TwoFactor:Enforced"] = "false",
            ["Deadlines:Enabled"] = "false",
            ["Services:SweepEnabled"] = "false",
            ["Notifications:Enabled"] = "false",
            ["DistrictReports:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
}
