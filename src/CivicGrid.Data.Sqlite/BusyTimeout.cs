using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CivicGrid.Data.Sqlite;

/// <summary>
/// Lets SQLite itself wait for the file's one write lock, in steps of a few milliseconds, up to the command timeout.
/// Without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so a case whose writer met the audit
/// linker's commit waited 150 ms for a lock held for a few.
/// </summary>
internal sealed class BusyTimeout : DbConnectionInterceptor
{
    // The setting belongs to the native connection, which the pool keeps open across many opens: set it once per handle.
    private readonly ConditionalWeakTable<sqlite3, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        if (sqlite.Handle is not { } handle || _applied.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {sqlite.DefaultTimeout * 1000L}";
        command.ExecuteNonQuery();
        _applied.AddOrUpdate(handle, this);
    }
}
