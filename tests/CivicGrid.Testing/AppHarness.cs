using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Testing;

/// <summary>The application layer wired as the hosts wire it, on a test database and a fake clock.</summary>
public sealed class AppHarness : IAsyncDisposable
{
    /// <summary>10:00 in Hangzhou on the day this suite was written.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private TestDatabase? _ownedDatabase;

    private AppHarness(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    /// <summary>A fresh database of the engine with the demo district (tiny by default); disposing drops the database.</summary>
    public static async Task<AppHarness> StartAsync(DatabaseKind kind, DemoScale? scale = null)
    {
        var database = await TestDatabase.CreateSeededAsync(kind, scale);
        var harness = For(database);
        harness._ownedDatabase = database;
        return harness;
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;

    /// <param name="overrides">Settings that replace the defaults, such as other encryption keys.</param>
    public static AppHarness For(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null) =>
        ForConnection(database.ProviderName, database.ConnectionString, overrides);

    public static AppHarness ForConnection(string provider, string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = Settings(provider, connectionString);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCivicGridApp(configuration, new SqliteProvider(), new PostgresProvider());
        // As in CivicGridFactory: test accounts' passwords are hashed with a low work factor.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        return new AppHarness(services.BuildServiceProvider(), clock);
    }

    public static Dictionary<string, string?> Settings(string provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider,
        ["Database:ConnectionString"] = connectionString,
        ["PersonalData:EncryptionKey"] = TestKeys.Encryption,
        ["PersonalData:HashKey"] = TestKeys.Hash,
    };

    /// <summary>A unit of work acting with the given jurisdiction.</summary>
    public HarnessScope Scope(IJurisdiction jurisdiction)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(jurisdiction);
        return new HarnessScope(scope);
    }

    /// <summary>Seeds the demo district (tiny by default) as the system.</summary>
    public async Task SeedAsync(DemoScale? scale = null)
    {
        await using var scope = Scope(new SystemJurisdiction("tests"));
        await scope.Get<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale ?? DemoScale.Tiny), null, CancellationToken.None);
    }

    /// <summary>Links every audit entry written so far onto the hash chain, as the server's linker does every second.</summary>
    public async Task LinkAuditChainAsync()
    {
        await using var scope = Scope(new SystemJurisdiction("tests"));
        await scope.Get<LinkAuditEntriesHandler>().HandleAsync(new LinkAuditEntries(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }
    }
}

public sealed class HarnessScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
    public CivicGridDbContext Db => Get<CivicGridDbContext>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
