using System.Data.Common;
using CivicGrid.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Data.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    private static readonly BusyTimeout WaitForLock = new();

    public string Name => "Sqlite";
    public int ConcurrentWriters => 1;

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, b => b.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name))
            .AddInterceptors(WaitForLock)
            // A table rebuild turns foreign keys off around its own transaction; the pragma is per connection, so a crash
            // there leaves nothing half done, and the warning only alarmed the first start of every new install.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));

    public string ReadOnly(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString;

    /// <summary>One prepared INSERT, executed per row, in the caller's transaction: SQLite's fastest path.</summary>
    public async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>SQLite plans a prepared statement again whenever the statistics it was planned with change.</summary>
    public Task BeginBulkWorkAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) => Task.CompletedTask;

    /// <summary>SQLite hands out max(rowid) + 1 by itself.</summary>
    public Task ResetIdentityAsync(DbConnection connection, DbTransaction transaction, string table, string column, CancellationToken ct) =>
        Task.CompletedTask;
}
