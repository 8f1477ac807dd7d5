using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>A new, migrated database of either engine, with the application services on it.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private BenchDatabase(ServiceProvider services, Func<Task> drop, IReadOnlyDictionary<string, string?> settings)
    {
        _services = services;
        _drop = drop;
        Settings = settings;
    }

    /// <summary>The configuration the database was made with, for a web host to run on the same data.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string Kind => Settings["Database:Provider"] == "Postgres" ? "postgres" : "sqlite";
    public string ConnectionString => Settings["Database:ConnectionString"]!;

    public static async Task<BenchDatabase> CreateAsync(string kind, BenchOptions options)
    {
        string provider, connection;
        Func<Task> drop;
        if (kind == "postgres")
        {
            var server = options.Postgres ?? throw new InvalidOperationException("--postgres or CIVICGRID_TEST_POSTGRES is needed for the PostgreSQL run.");
            var name = $"civicgrid_bench_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
            provider = "Postgres";
            connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            drop = () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"civicgrid-bench-{Guid.NewGuid():N}.db");
            provider = "Sqlite";
            connection = $"Data Source={path}";
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
                return Task.CompletedTask;
            };
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection,
            ["PersonalData:EncryptionKey"] = PersonalDataProtector.NewKey(),
            ["PersonalData:HashKey"] = PersonalDataProtector.NewKey(),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services.AddCivicGridApp(configuration, new SqliteProvider(), new PostgresProvider()).BuildServiceProvider();
        var database = new BenchDatabase(services, drop, settings);
        await using var scope = database.Scope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<CivicGridDbContext>(), CancellationToken.None);
        return database;
    }

    public AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("bench"));
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Kept on request, to look at query plans after a run.
        if (Environment.GetEnvironmentVariable("CIVICGRID_BENCH_KEEP") != "1")
        {
            await _drop();
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
