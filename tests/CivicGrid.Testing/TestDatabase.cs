using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Npgsql;

namespace CivicGrid.Testing;

/// <summary>
/// A fresh database for one test, built by the real migrations. Each engine migrates a template once per run
/// and every test gets a copy (a file copy for SQLite, CREATE DATABASE ... TEMPLATE for PostgreSQL), so tests
/// are isolated and may run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CIVICGRID_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<DatabaseKind, string> Templates = [];
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

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var template = await TemplateAsync(kind);
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

    private static async Task<TestDatabase> CopyPostgresAsync(string templateName)
    {
        var name = $"civicgrid_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(DatabaseKind.Postgres, connection, () => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private static async Task<string> TemplateAsync(DatabaseKind kind)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue(kind, out var existing))
            {
                return existing;
            }
            var template = kind == DatabaseKind.Sqlite ? await MigrateSqliteTemplateAsync() : await MigratePostgresTemplateAsync();
            Templates[kind] = template;
            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
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
