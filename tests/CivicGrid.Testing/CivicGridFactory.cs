using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Access;
using CivicGrid.Core.Demo;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
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
    private bool _watchDeadlines;
    private IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();

    public FakeTimeProvider Clock { get; } = new(AppHarness.Now);
    public LogSink Logs { get; } = new();
    public TestDatabase Database => database;

    public static async Task<CivicGridFactory> StartAsync(TestDatabase database, DemoScale? scale = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new CivicGridFactory(database) { _settings = settings ?? new Dictionary<string, string?>() };
        await factory.SeedAsync(scale ?? DemoScale.Tiny);
        return factory;
    }

    /// <summary>A second instance on a database another site already seeded, as a scaled-out deployment runs.</summary>
    public static CivicGridFactory Attach(TestDatabase database, bool watchDeadlines = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(database) { _watchDeadlines = watchDeadlines, _settings = settings ?? new Dictionary<string, string?>() };


    /// <summary>A site on a fresh database of its own, dropped when the site is disposed.</summary>
    public static async Task<CivicGridFactory> StartAsync(DatabaseKind kind, DemoScale? scale = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateSeededAsync(kind, scale);
        return new CivicGridFactory(database) { _ownsDatabase = true, _settings = settings ?? new Dictionary<string, string?>() };
    }

    /// <summary>A site on a database that already holds the district, such as a copy of the seeded template.</summary>
    public static CivicGridFactory On(TestDatabase database) => new(database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in AppHarness.Settings(database.ProviderName, database.ConnectionString))
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Deadlines:Enabled", _watchDeadlines ? "true" : "false");
        builder.UseSetting("Services:SweepEnabled", "false");
        // Thousands of short-lived hosts; WarmUpTests start it themselves.
        builder.UseSetting("WarmUp:Enabled", "false");
        builder.UseSetting("ProjectReports:Enabled", "false");
        builder.UseSetting("DistrictReports:Enabled", "false");
        builder.UseSetting("AssessmentReviews:Enabled", "false");
        builder.UseSetting("RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("RateLimits:Open311PerMinute", "100000");
        builder.UseSetting("RateLimits:CasesPerMinute", "100000");
        builder.UseSetting("RateLimits:WishesPerMinute", "100000");
        builder.UseSetting("RateLimits:ContactSignUpsPerMinute", "100000");
        builder.UseSetting("DataDirectory", _dataDirectory);
        // Tests move the clock by hours and days; sessions that ended on the way are tested on their own.
        builder.UseSetting("Sessions:IdleMinutes", "100000");
        builder.UseSetting("Sessions:AbsoluteHours", "100000");
        // Tests run delivery passes themselves, so nothing is sent behind their back when they move the clock.
        builder.UseSetting("Notifications:Enabled", "false");
        // Accounts made per test sign in with a password; the two-factor tests turn the rule on themselves.
        builder.UseSetting("Security:TwoFactor:Enforced", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseContentRoot(ContentRoot());
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The sink instead of the console: tests read a host's lines from the sink, and the console of the suite's
            // thousands of short-lived hosts was only formatted and piped for no one to read.
            services.RemoveAll<Microsoft.Extensions.Logging.ILoggerProvider>();
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            // Hashing every test account's password at the production strength was minutes of the suite's CPU;
            // the hash format and its checks stay the same, only the work factor is lower here.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
    }

    public async Task SeedAsync(DemoScale scale)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("tests"));
        await scope.ServiceProvider.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None);
    }

    /// <summary>Creates an account of the role, scoped to <paramref name="scopeCode"/>, and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateClientAsync(StaffRole role, string scopeCode, string? departmentCode = null, string? email = null)
    {
        var userName = await CreateAccountAsync(role, scopeCode, departmentCode, email);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        await AddRequestTokenAsync(client);
        return client;
    }

    /// <summary>Sends the antiforgery token with every request, as the pages' scripts do for uploads and other form posts.</summary>
    public static async Task AddRequestTokenAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
    }

    public async Task<string> CreateAccountAsync(StaffRole role, string scopeCode, string? departmentCode = null, string? email = null)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref _accounts)}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var community = role.ConfinedToBusinessCommunity() ? await FirstBusinessCommunityAsync(scopeCode) : null;
        var result = await users.CreateAsync(new StaffUser
        {
            UserName = userName, DisplayName = role.ChineseName(), Role = role, ScopeCode = scopeCode, DepartmentCode = departmentCode, Email = email,
            BusinessCommunityId = community,
        }, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return userName;
    }

    /// <summary>Business-community staff and runners work in one community: the first of their street, as the tests' default.</summary>
    private Task<int?> FirstBusinessCommunityAsync(string street) => AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities
        .Where(c => c.StreetCode == street).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync());

    /// <summary>The grids of the seeded district in code order, with a point inside each.</summary>
    public Task<List<(string Code, double Latitude, double Longitude)>> GridsAsync() => AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var grids = await db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.CentreLatitude, n.CentreLongitude }).ToListAsync();
        return grids.ConvertAll(g => (g.Code, g.CentreLatitude!.Value, g.CentreLongitude!.Value));
    });

    /// <summary>Raises a case as <paramref name="client"/> at a grid's centre and returns its id.</summary>
    public static async Task<int> SubmitCaseAsync(HttpClient client, (string Code, double Latitude, double Longitude) grid, string itemCode = "0101", string description = "楼上邻居装修噪音，影响休息")
    {
        var response = await client.PostAsJsonAsync("/api/cases", new { itemCode, description, latitude = grid.Latitude, longitude = grid.Longitude });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Makes a move on a case and returns the response, for asserting refusals as well as successes.</summary>
    public static Task<HttpResponseMessage> ActAsync(HttpClient client, int caseId, string action, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["action"] = action, ["note"] = $"{action} 说明" };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }
        return client.PostAsJsonAsync($"/api/cases/{caseId}/actions", body);
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
