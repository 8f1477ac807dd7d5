using System.Collections.Concurrent;
using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Demo;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicGrid.Testing;

/// <summary>
/// A fresh database for one test, built by the real migrations. Each engine migrates a template once per run
/// and every test gets a copy (a file copy for SQLite, CREATE DATABASE ... TEMPLATE for PostgreSQL), so tests
/// are isolated and may run in parallel. Further templates hold a demo district (the tiny one, or the small one a few
/// tests read), each seeded once per run when first asked for, because seeding for every test was most of the suite's time.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CIVICGRID_TEST_POSTGRES";

    /// <summary>Each engine's templates by the demo they hold (none: migrated only), each made once while the others are in use.</summary>
    private static readonly ConcurrentDictionary<(DatabaseKind Kind, DemoScale? Demo), Lazy<Task<string>>> Templates = new();
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseKind kind, string connectionString, Func<Task> drop)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string ProviderName => Kind == DatabaseKind.Sqlite ? "Sqlite" : "Postgres";

    /// <summary>A migrated, empty database.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => CopyAsync(kind, demo: null);

    /// <summary>A migrated database holding a demo district (the tiny one unless told), as the system seeds it.</summary>
    public static Task<TestDatabase> CreateSeededAsync(DatabaseKind kind, DemoScale? scale = null) => CopyAsync(kind, scale ?? DemoScale.Tiny);

    /// <summary>A database on another server the test started and stops itself (such as a primary with a replica); disposing leaves it.</summary>
    public static TestDatabase Existing(DatabaseKind kind, string connectionString) => new(kind, connectionString, () => Task.CompletedTask);

    /// <summary>A database with nothing in it, not even the schema, as an installation starts.</summary>
    public static async Task<TestDatabase> CreateBlankAsync(DatabaseKind kind)
    {
        var name = $"civicgrid_test_{Guid.NewGuid():N}";
        if (kind == DatabaseKind.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "civicgrid-tests", name + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new TestDatabase(kind, $"Data Source={path};Pooling=False", () =>
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
                return Task.CompletedTask;
            });
        }
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        return new TestDatabase(kind, connection, () => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private static async Task<TestDatabase> CopyAsync(DatabaseKind kind, DemoScale? demo)
    {
        var template = await TemplateAsync(kind, demo);
        return kind == DatabaseKind.Sqlite ? CopySqlite(template) : await CopyPostgresAsync(template);
    }

    public ValueTask DisposeAsync() => new(_drop());

    private static TestDatabase CopySqlite(string templatePath)
    {
        var path = Path.Combine(Path.GetTempPath(), "civicgrid-tests", $"{Guid.NewGuid():N}.db");
        File.Copy(templatePath, path);
        return new TestDatabase(DatabaseKind.Sqlite, $"Data Source={path};Pooling=False", () =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
            return Task.CompletedTask;
        });
    }

    /// <param name="pooled">
    /// Pooled as the server runs in production: a test on unpooled connections paid a new server process for every
    /// query. A database about to become a template is unpooled, since PostgreSQL copies only an unused database.
    /// </param>
    private static async Task<TestDatabase> CopyPostgresAsync(string templateName, bool pooled = true)
    {
        var name = $"civicgrid_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString())
        {
            Database = name,
            Pooling = pooled,
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 30,
        }.ConnectionString;
        return new TestDatabase(DatabaseKind.Postgres, connection, () => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private static Task<string> TemplateAsync(DatabaseKind kind, DemoScale? demo) =>
        Templates.GetOrAdd((kind, demo), _ => new Lazy<Task<string>>(() => demo is not null
            ? SeedTemplateAsync(kind, demo)
            : kind == DatabaseKind.Sqlite ? MigrateSqliteTemplateAsync() : MigratePostgresTemplateAsync())).Value;

    /// <summary>Copies the migrated template and seeds the demo district into the copy, which is kept as a template.</summary>
    private static async Task<string> SeedTemplateAsync(DatabaseKind kind, DemoScale demo)
    {
        var migrated = await TemplateAsync(kind, demo: null);
        var copy = kind == DatabaseKind.Sqlite ? CopySqlite(migrated) : await CopyPostgresAsync(migrated, pooled: false);
        await using (var harness = AppHarness.For(copy))
        {
            await harness.SeedAsync(demo);
            // Linked once here, not by the linker of every site started on a copy at its start: some 900 entries hashed
            // and rewritten per site (the case and public-service web tests took 110 CPU-s with it, 84 without).
            await harness.LinkAuditChainAsync();
        }
        if (kind == DatabaseKind.Sqlite)
        {
            await CheckpointSqliteAsync(copy.ConnectionString);
            return new SqliteConnectionStringBuilder(copy.ConnectionString).DataSource;
        }
        return new NpgsqlConnectionStringBuilder(copy.ConnectionString).Database!;
    }

    /// <summary>Moves the write-ahead log into the file, so that a plain file copy carries everything.</summary>
    private static async Task CheckpointSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> MigrateSqliteTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "civicgrid-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"template-{Guid.NewGuid():N}.db");
        await MigrateAsync("Sqlite", $"Data Source={path};Pooling=False");
        return path;
    }

    private static async Task<string> MigratePostgresTemplateAsync()
    {
        var name = $"civicgrid_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name, Pooling = false }.ConnectionString;
        await MigrateAsync("Postgres", connection);
        return name;
    }

    private static async Task MigrateAsync(string provider, string connectionString)
    {
        await using var harness = AppHarness.ForConnection(provider, connectionString);
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        await DatabaseSetup.MigrateAsync(scope.Db, CancellationToken.None);
    }

    /// <summary>The test PostgreSQL server; its absence fails the test with the reason, it never falls back to SQLite.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL is not available: {PostgresVariable} is not set. Run the tests through ./test.sh, which installs and starts PostgreSQL.");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
