using CivicGrid.App.Imports;
using CivicGrid.App.Notifications.Sms;
using CivicGrid.Testing;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Accounts;

/// <summary>
/// An installation from nothing: a blank database, the command line run as a process to migrate, import the
/// district's places and registry and make the first administrator, then the built server as its own process without
/// the demo, and Chromium.
/// </summary>
internal sealed class FreshSite : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly Dictionary<string, string?> _settings;
    private WebServerProcess? _server;
    private IPlaywright? _playwright;

    private FreshSite(TestDatabase database, string dataDirectory)
    {
        Database = database;
        _dataDirectory = dataDirectory;
        _settings = new Dictionary<string, string?>(AppHarness.Settings(database.ProviderName, database.ConnectionString))
        {
            ["DataDirectory"] = dataDirectory,
            ["Demo:Seed"] = "false",
            ["Sms:SinkDirectory"] = Path.Combine(dataDirectory, "sms"),
            ["Notifications:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Sms = new FolderSmsSink(Path.Combine(dataDirectory, "sms"), TimeProvider.System);
    }

    public TestDatabase Database { get; }
    public FolderSmsSink Sms { get; }
    public string Address => _server!.Address;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The import files a district brings, here the tiny demo district's, written by <c>demo-files</c>.</summary>
    public string Files => Path.Combine(_dataDirectory, "files");

    public static async Task<FreshSite> CreateAsync(DatabaseKind kind)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"fresh-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        return new FreshSite(await TestDatabase.CreateBlankAsync(kind), dataDirectory);
    }

    /// <summary>Runs <c>civicgrid</c> with the site's settings and its data directory; returns what it printed.</summary>
    public Task<string> CliAsync(params string[] arguments) =>
        CliProcess.RunAsync(_settings, _dataDirectory, ["--data-dir", _dataDirectory, .. arguments]);

    public async Task StartAsync()
    {
        _server = await WebServerProcess.StartAsync(WebServerProcess.FreeLoopbackAddress(), _settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = BrowserSite.ChromiumArguments,
        });
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = Address;
        var context = await Browser.NewContextAsync(options);
        // The journey drives a server process of its own and the command line beside the other journeys' servers.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>One of the import files, read as the importer reads it.</summary>
    public TabularData Table(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Files, name));
        return TabularFile.Read(stream, name);
    }

    public string ServerOutput => _server?.RecentOutput ?? "";

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await Database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
