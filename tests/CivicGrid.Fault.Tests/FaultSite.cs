using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.Testing;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// The built server as its own process on a test database that it seeds with the tiny demo district and its demo
/// accounts at first start, as a new installation does. It can be killed and started again on the same database, data
/// directory and address, as a supervisor restarts a crashed service.
/// </summary>
internal sealed class FaultSite : IAsyncDisposable
{
    public const string Password = "Fault-test-password-1";
    private readonly string _dataDirectory;
    private readonly Dictionary<string, string?> _settings;
    private WebServerProcess? _server;

    private FaultSite(TestDatabase database, string dataDirectory)
    {
        Database = database;
        _dataDirectory = dataDirectory;
        Address = WebServerProcess.FreeLoopbackAddress();
        _settings = new Dictionary<string, string?>(AppHarness.Settings(database.ProviderName, database.ConnectionString))
        {
            ["DataDirectory"] = dataDirectory,
            ["Demo:Seed"] = "true",
            ["Demo:Scale"] = "tiny",
            ["Deadlines:Enabled"] = "false",
            ["Services:SweepEnabled"] = "false",
            ["Notifications:Enabled"] = "false",
            // One node and no balancer: nothing waits for it to be warm, and each of its many restarts would pay for it.
            ["WarmUp:Enabled"] = "false",
            ["RateLimits:SignInsPerMinute"] = "100000",
            ["RateLimits:CasesPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public TestDatabase Database { get; }
    public string Address { get; }
    public int Starts { get; private set; }
    public int Kills { get; private set; }

    public static async Task<FaultSite> StartAsync(DatabaseKind kind)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"fault-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        // The first start seeds the demo accounts with the password it finds here.
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "demo-password.txt"), Password);
        var site = new FaultSite(await TestDatabase.CreateAsync(kind), dataDirectory);
        await site.RestartAsync();
        return site;
    }

    /// <summary>Starts the server again on the same database, data directory and address; returns when it is healthy.</summary>
    public async Task RestartAsync()
    {
        _server = await WebServerProcess.StartAsync(Address, _settings);
        Starts++;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        await _server!.KillAsync();
        Kills++;
    }

    /// <summary>A client signed in through the sign-in API; its cookie outlives restarts, as the data protection keys do.</summary>
    public async Task<SignedIn> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        return new SignedIn(this, userName, cookies, token.GetProperty("token").GetString()!);
    }

    public HttpClient Client(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The application layer on the same database, for checking what was stored.</summary>
    public AppHarness Harness() => AppHarness.For(Database);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await Database.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>An account's sign-in; each <see cref="Client"/> is a fresh connection pool carrying its cookie and the antiforgery token its uploads send.</summary>
internal sealed record SignedIn(FaultSite Site, string UserName, CookieContainer Cookies, string RequestToken)
{
    public HttpClient Client()
    {
        var client = Site.Client(Cookies);
        client.DefaultRequestHeaders.Add("RequestVerificationToken", RequestToken);
        return client;
    }
}
