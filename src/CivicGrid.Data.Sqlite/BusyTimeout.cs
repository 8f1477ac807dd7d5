using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Data.Sqlite;

/// <summary>
/// Lets SQLite itself wait for the file's one write lock, in steps of a few milliseconds, up to the command timeout.
/// Without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so a case whose writer met the audit
/// linker's commit waited 150 ms for a lock held for a few.
/// </summary>
internal sealed class BusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {sqlite.DefaultTimeout * 1000L}";
        command.ExecuteNonQuery();
    }
}
