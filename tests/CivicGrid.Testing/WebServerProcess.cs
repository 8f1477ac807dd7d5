using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicGrid.Testing;

/// <summary>
/// The built web server (src/CivicGrid.Web's output for the configuration this program was built in) started with
/// <c>dotnet</c> as an operating-system process of its own on a loopback address, as an operator runs it. Settings go
/// in as environment variables. Killing it is SIGKILL on Linux: no shutdown hook runs.
/// </summary>
public sealed class WebServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebServerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }
    public int Id => _process.Id;

    /// <summary>A loopback address on a port free at this moment.</summary>
    public static string FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Starts the server on <paramref name="address"/> and returns once its /health/ready answers 200 (started and warmed up).</summary>
    public static async Task<WebServerProcess> StartAsync(string address, IReadOnlyDictionary<string, string?> settings)
    {
        var assembly = WebAssembly();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var server = new WebServerProcess(Process.Start(start)!, address);
        server.Capture();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Kills the server and everything it started, without warning, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGTERM, as a supervisor stops a service: the server drains and exits; returns once it has.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>The last lines the server wrote, to show why it failed.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The web project's build output beside the caller's: both are bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
    public static string WebAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(RepositoryRoot(), "src", "CivicGrid.Web", "bin", output.Parent!.Name, output.Name, "CivicGrid.Web.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new FileNotFoundException($"Build the web project first (dotnet build CivicGrid.slnx -c {output.Parent.Name}).", assembly);
    }

    /// <summary>The repository, found upwards from the built program.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicGrid.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Run from a build inside the repository (CivicGrid.slnx not found above it).");
    }

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
        while (watch.Elapsed < StartTimeout && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync($"{Address}/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"The web server did not become healthy at {Address}:{Environment.NewLine}{RecentOutput}");
    }
}
