using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>
/// One database engine CivicGrid runs on. Each provider project implements it with its migrations
/// and its fastest raw insert path; the host picks one by <c>Database:Provider</c>.
/// </summary>
public interface IDatabaseProvider
{
    string Name { get; }
    /// <summary>How many transactions can usefully write at once: one where the engine has a single write lock.</summary>
    int ConcurrentWriters { get; }
    void Configure(DbContextOptionsBuilder options, string connectionString);
    /// <summary>The same database opened so that the engine itself refuses writes: the reporting reads' connection.</summary>
    string ReadOnly(string connectionString);
    /// <summary>Writes rows into a table on the given open connection and transaction by the engine's raw bulk path.</summary>
    Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct);
    /// <summary>
    /// Readies a transaction that writes many rows and reads the same tables between its writes (an import's chunks): its
    /// reads must be planned for the tables as they are at each read, not as they were when a statement was first prepared.
    /// </summary>
    Task BeginBulkWorkAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);
    /// <summary>Moves an identity column's next value past the highest id after rows were inserted with explicit ids.</summary>
    Task ResetIdentityAsync(DbConnection connection, DbTransaction transaction, string table, string column, CancellationToken ct);
}

/// <summary>A table and its columns, named as the EF model maps them.</summary>
public sealed record BulkTable(string Name, IReadOnlyList<string> Columns);
