using CivicGrid.App.Accounts;
using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.Core.Demo;
using CivicGrid.App.Security;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>The encryption and lookup keys of a bench database's personal data.</summary>
internal sealed record PersonalDataKeys(string EncryptionKey, string HashKey);

/// <summary>A migrated database of either engine, new or kept from an earlier run, with the application services on it.</summary>
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

    public static Task<BenchDatabase> CreateAsync(string kind, BenchOptions options) =>
        OpenAsync(kind, options, $"civicgrid_bench_{Guid.NewGuid():N}", keys: null, keep: false);

    /// <summary>
    /// Opens the database called <paramref name="name"/> (a file under the temporary folder for SQLite), creating it when
    /// missing, and migrates it; with <paramref name="keep"/> it outlives the run, for the next run to reuse.
    /// </summary>
    public static async Task<BenchDatabase> OpenAsync(string kind, BenchOptions options, string name, PersonalDataKeys? keys, bool keep)
    {
        var (provider, connection, drop) = kind == "postgres" ? await PostgresAsync(options, name) : Sqlite(name);
        keys ??= new PersonalDataKeys(PersonalDataProtector.NewKey(), PersonalDataProtector.NewKey());
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection,
            ["PersonalData:EncryptionKey"] = keys.EncryptionKey,
            ["PersonalData:HashKey"] = keys.HashKey,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services.AddCivicGridApp(configuration, new SqliteProvider(), new PostgresProvider()).BuildServiceProvider();
        var database = new BenchDatabase(services, keep ? () => Task.CompletedTask : drop, settings) { Keys = keys };
        await using var scope = database.Scope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<CivicGridDbContext>(), CancellationToken.None);
        return database;
    }

    /// <summary>The keys the database's personal data is sealed with; a reused database needs the same ones.</summary>
    public PersonalDataKeys Keys { get; private init; } = null!;

    public static string SqlitePath(string name) => Path.Combine(Path.GetTempPath(), $"{name}.db");

    private static async Task<(string, string, Func<Task>)> PostgresAsync(BenchOptions options, string name)
    {
        var server = options.Postgres ?? throw new InvalidOperationException("--postgres or CIVICGRID_TEST_POSTGRES is needed for the PostgreSQL run.");
        if (!await ExistsAsync(server, name))
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        }
        // Seeding the district runs statements over a million residents, longer than the default 30 s on a busy machine.
        return ("Postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString,
            async () =>
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                // The drop ends the pool's connections to it; a database made again under the name must not get them.
                NpgsqlConnection.ClearAllPools();
            });
    }

    private static (string, string, Func<Task>) Sqlite(string name)
    {
        var path = SqlitePath(name);
        return ("Sqlite", $"Data Source={path}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            return Task.CompletedTask;
        });
    }

    /// <summary>Removes a kept database, so the next run seeds it anew.</summary>
    public static async Task DropAsync(string kind, BenchOptions options, string name)
    {
        var (_, _, drop) = kind == "postgres" ? await PostgresAsync(options, name) : Sqlite(name);
        await drop();
    }

    /// <summary>Seeds the demo district at <paramref name="scale"/> and its demo accounts with <paramref name="password"/>.</summary>
    public async Task SeedDemoAsync(DemoScale scale, string password)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoDistrictHandler>().HandleAsync(new SeedDemoDistrict(scale), null, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SeedAccountsHandler>().HandleAsync(new SeedAccounts(password), CancellationToken.None);
    }

    /// <summary>The demo's staff accounts (admin and the rest) with <paramref name="password"/>, on whatever territory is there.</summary>
    public async Task SeedAccountsAsync(string password)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<SeedAccountsHandler>().HandleAsync(new SeedAccounts(password), CancellationToken.None);
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

    private static async Task<bool> ExistsAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
