using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicGrid.Bench;

/// <summary>
/// The built web server (src/CivicGrid.Web, the same configuration as the bench) started as a process of its own over a
/// bench database on a loopback port, without the demo seeding or background sweeps, so that its memory is read apart
/// from the bench's.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, string dataDirectory, string address)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public string Address { get; }

    public ProcessMemory Memory() => ProcessMemory.Of(_process.Id);

    public static async Task<ServerProcess> StartAsync(BenchDatabase database)
    {
        var assembly = WebAssembly();
        var address = $"http://127.0.0.1:{FreePort()}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-server-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Settings(database, dataDirectory, address))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var server = new ServerProcess(Process.Start(start)!, dataDirectory, address);
        server.Capture();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Settings(BenchDatabase database, string dataDirectory, string address) =>
        database.Settings.Concat(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = address,
            ["DataDirectory"] = dataDirectory,
            ["Demo:Seed"] = "false",
            ["Deadlines:Enabled"] = "false",
            ["Services:SweepEnabled"] = "false",
            ["Notifications:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });

    /// <summary>The web project's build output beside the bench's: both are bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
    private static string WebAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(BenchPaths.Root, "src", "CivicGrid.Web", "bin", output.Parent!.Name, output.Name, "CivicGrid.Web.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the web project first (dotnet build CivicGrid.slnx -c Release).", assembly);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Keeps the last lines the server wrote, to show if it fails to start.</summary>
    private void Capture()
    {
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                _output.Enqueue(line);
                while (_output.Count > 40 && _output.TryDequeue(out _))
                {
                }
            }
        }
        _process.OutputDataReceived += Keep;
        _process.ErrorDataReceived += Keep;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5) && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync($"{Address}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The web server did not become healthy at {Address}:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }
}
