using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Bench;

/// <summary>The real web host on a loopback port over a bench database, seeded with the tiny demo district and its accounts.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private BenchHost(WebApplication app, string dataDirectory, string address)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public string Address { get; }
    public string Password => File.ReadAllText(Path.Combine(_dataDirectory, "demo-password.txt")).Trim();

    /// <param name="seed">Seed the tiny demo district and its accounts; off when the scenario brings its own data.</param>
    /// <param name="settings">Settings the scenario needs beside these, such as a higher limit.</param>
    public static async Task<BenchHost> StartAsync(BenchDatabase database, bool seed = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-data-{Guid.NewGuid():N}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        foreach (var (key, value) in database.Settings)
        {
            builder.Configuration[key] = value;
        }
        builder.Configuration["DataDirectory"] = dataDirectory;
        builder.Configuration["Demo:Scale"] = "tiny";
        builder.Configuration["Demo:Seed"] = seed ? "true" : "false";
        builder.Configuration["Security:TwoFactor:Enforced"] = "false";
        builder.Configuration["Deadlines:Enabled"] = "false";
        builder.Configuration["Services:SweepEnabled"] = "false";
        builder.Configuration["Notifications:Enabled"] = "false";
        builder.Configuration["RateLimits:CasesPerMinute"] = "100000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCivicGrid();
        var app = builder.Build();
        app.UseCivicGrid();
        await app.InitialiseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, dataDirectory, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
