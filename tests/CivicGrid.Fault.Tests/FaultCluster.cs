using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CivicGrid.Testing;
using Npgsql;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// Several built servers, each its own process, on one PostgreSQL test database, behind HAProxy (from Debian's
/// packages, checking each node's /health/ready every half second) as a city deployment runs them. The first node
/// seeds the tiny demo district; every node can be killed and started again on its address.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    private readonly List<ClusterNode> _nodes = [];
    private readonly string _folder;
    private Process? _balancer;

    private FaultCluster(TestDatabase database, string folder)
    {
        Database = database;
        _folder = folder;
        Address = WebServerProcess.FreeLoopbackAddress();
    }

    public TestDatabase Database { get; }
    /// <summary>The balancer's address: every request of the test goes through it.</summary>
    public string Address { get; }
    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    /// <summary>HAProxy's path, or null where it is not installed (dev/ensure-tools.sh installs it).</summary>
    public static string? HaProxy() =>
        new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists);

    /// <param name="database">An empty database the first node migrates (a primary with a replica); a migrated copy on the test server otherwise.</param>
    public static async Task<FaultCluster> StartAsync(int nodes, IReadOnlyDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = new FaultCluster(database ?? await TestDatabase.CreateAsync(DatabaseKind.Postgres), folder);
        // Nodes pool their connections, as in production; the test database's own string does not.
        var connection = new NpgsqlConnectionStringBuilder(cluster.Database.ConnectionString) { Pooling = true, MaxPoolSize = 40 }.ConnectionString;
        for (var n = 1; n <= nodes; n++)
        {
            var dataDirectory = Path.Combine(folder, $"node{n}");
            Directory.CreateDirectory(dataDirectory);
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "demo-password.txt"), FaultSite.Password);
            var nodeSettings = new Dictionary<string, string?>(AppHarness.Settings("Postgres", connection))
            {
                ["DataDirectory"] = dataDirectory,
                ["Demo:Seed"] = n == 1 ? "true" : "false",
                ["Demo:Scale"] = "tiny",
                // Without the demo the rule would be enforced on the later nodes; the demo accounts sign in with a password.
                ["Security:TwoFactor:Enforced"] = "false",
                ["Notifications:Enabled"] = "false",
                ["Services:SweepEnabled"] = "false",
                ["RateLimits:SignInsPerMinute"] = "100000",
                ["RateLimits:CasesPerMinute"] = "100000",
                ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                nodeSettings[key] = value;
            }
            cluster._nodes.Add(new ClusterNode($"node{n}", WebServerProcess.FreeLoopbackAddress(), nodeSettings));
        }
        // The first node migrates and seeds; the others start together once it has.
        await cluster._nodes[0].StartAsync();
        await Task.WhenAll(cluster._nodes.Skip(1).Select(n => n.StartAsync()));
        await cluster.StartBalancerAsync();
        return cluster;
    }

    /// <summary>A client through the balancer carrying the given cookies.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(Address),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Signs in through the balancer; the cookie is then used on whichever node the balancer picks.</summary>
    public async Task<(CookieContainer Cookies, string Token)> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = FaultSite.Password });
        response.EnsureSuccessStatusCode();
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        return (cookies, token.GetProperty("token").GetString()!);
    }

    private async Task StartBalancerAsync()
    {
        var haproxy = HaProxy() ?? throw new InvalidOperationException("HAProxy is not installed: run dev/ensure-tools.sh.");
        var config = Path.Combine(_folder, "haproxy.cfg");
        var port = new Uri(Address).Port;
        var servers = string.Join("\n", _nodes.Select(n => $"    server {n.Name} {new Uri(n.Address).Authority} check"));
        await File.WriteAllTextAsync(config, $"""
            defaults
                mode http
                timeout connect 1s
                timeout client 60s
                timeout server 60s
                retries 2
                option redispatch
                option forwardfor
            frontend civicgrid
                bind 127.0.0.1:{port}
                default_backend nodes
            backend nodes
                balance roundrobin
                option httpchk GET /health/ready
                http-check expect status 200
                default-server inter 500ms fall 1 rise 2
            {servers}

            """);
        _balancer = Process.Start(new ProcessStartInfo(haproxy, ["-db", "-f", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(100))
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
        }
        throw new InvalidOperationException($"HAProxy did not answer at {Address}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        if (_balancer is { HasExited: false })
        {
            _balancer.Kill();
            await _balancer.WaitForExitAsync();
        }
        _balancer?.Dispose();
        await Database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One app node: its address, settings and data folder stay the same across kills and restarts.</summary>
internal sealed class ClusterNode(string name, string address, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private WebServerProcess? _server;

    public string Name => name;
    public string Address => address;
    public int Kills { get; private set; }

    /// <summary>Starts the node and returns once it answers ready.</summary>
    public async Task StartAsync()
    {
        _server = await WebServerProcess.StartAsync(address, settings);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (!(await client.GetAsync($"{address}/health/ready")).IsSuccessStatusCode)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, what it held in memory is gone.</summary>
    public async Task KillAsync()
    {
        await _server!.KillAsync();
        Kills++;
    }

    /// <summary>SIGTERM, as a deployment stops a node: it drains and exits; returns how long that took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var watch = Stopwatch.StartNew();
        await _server!.StopAsync(TimeSpan.FromSeconds(60));
        return watch.Elapsed;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{name} at {address}");

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
