using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Demo;
using CivicGrid.Core.Access;
using CivicGrid.Core.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Testing;

/// <summary>
/// The real web host on a test database with the tiny demo district, real sign-in and a fake clock.
/// Clients are made per role and scope through the sign-in API, as a user's browser would.
/// </summary>
public sealed class CivicGridFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"data-{Guid.NewGuid():N}");
    private int _accounts;
    private bool _ownsDatabase;

    public FakeTimeProvider Clock { get; } = new(AppHarness.Now);
    public TestDatabase Database => database;

    public static async Task<CivicGridFactory> StartAsync(TestDatabase database, DemoScale? scale = null)
    {
        var factory = new CivicGridFactory(database);
        await factory.SeedAsync(scale ?? DemoScale.Tiny);
        return factory;
    }

    /// <summary>A site on a fresh database of its own, dropped when the site is disposed.</summary>
    public static async Task<CivicGridFactory> StartAsync(DatabaseKind kind, DemoScale? scale = null)
    {
        var factory = await StartAsync(await TestDatabase.CreateAsync(kind), scale);
        factory._ownsDatabase = true;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in AppHarness.Settings(database.ProviderName, database.ConnectionString))
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseContentRoot(ContentRoot());
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task SeedAsync(DemoScale scale)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("tests"));
        await scope.ServiceProvider.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None);
    }

    /// <summary>Creates an account of the role, scoped to <paramref name="scopeCode"/>, and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateClientAsync(StaffRole role, string scopeCode)
    {
        var userName = await CreateAccountAsync(role, scopeCode);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<string> CreateAccountAsync(StaffRole role, string scopeCode)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref _accounts)}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var result = await users.CreateAsync(new StaffUser { UserName = userName, DisplayName = role.ChineseName(), Role = role, ScopeCode = scopeCode }, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return userName;
    }

    /// <summary>Runs work in the app's services as the system, for arranging and checking state.</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("tests"));
        return await work(scope.ServiceProvider);
    }

    private static string ContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CivicGrid.slnx")))
        {
            directory = directory.Parent;
        }
        return directory is null
            ? throw new InvalidOperationException("Cannot find CivicGrid.slnx above the test output.")
            : Path.Combine(directory.FullName, "src", "CivicGrid.Web");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
