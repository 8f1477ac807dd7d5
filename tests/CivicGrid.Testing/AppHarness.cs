using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
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

    private AppHarness(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;

    public static AppHarness For(TestDatabase database) => ForConnection(database.ProviderName, database.ConnectionString);

    public static AppHarness ForConnection(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(provider, connectionString)).Build();
        var clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCivicGridApp(configuration, new SqliteProvider(), new PostgresProvider());
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

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

public sealed class HarnessScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
    public CivicGridDbContext Db => Get<CivicGridDbContext>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
