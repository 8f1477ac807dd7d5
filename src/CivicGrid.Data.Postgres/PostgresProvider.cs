using System.Data.Common;
using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CivicGrid.Data.Postgres;

/// <summary>PostgreSQL for production; bulk writes go through binary COPY.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    // Configure runs for every DbContext, that is every request: the connection string is read once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tuned = new(StringComparer.Ordinal);

    public string Name => "Postgres";
    public int ConcurrentWriters => 4;

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(_tuned.GetOrAdd(connectionString, WithPreparedStatements), b => b.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));

    public string ReadOnly(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        return builder.ConnectionString;
    }

    /// <summary>
    /// Statements a connection runs again are prepared on the server once, unless the connection string says otherwise:
    /// unprepared, the dashboard's grouped queries spent about as long being parsed and planned as being run. Unless the
    /// connection string sets them itself, plans are not compiled to machine code (JIT): compiling took about 120 ms
    /// of each district-wide indicator query, which reads half a million roll-up rows in under 300 ms without it; and
    /// each run is planned for its parameters (custom plans): after five runs PostgreSQL may keep one generic plan, which
    /// cannot use a grid code's prefix (<c>LIKE $1</c>) to narrow an index, and a street's indicators went from 85-165 ms
    /// to 230-490 ms from the seventh request on.
    /// </summary>
    /// <remarks>
    /// Each default is added beside options the connection string already has: the reporting reads' read-only option
    /// (<see cref="ReadOnly"/>) once kept both off the reports, which ran with JIT and, from the sixth run, generic plans.
    /// </remarks>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        foreach (var setting in PlanningDefaults.Where(d => builder.Options?.Contains(d.Name + "=", StringComparison.Ordinal) != true))
        {
            builder.Options = $"{builder.Options} -c {setting.Name}={setting.Value}".Trim();
        }
        return builder.ConnectionString;
    }

    private static readonly (string Name, string Value)[] PlanningDefaults = [("jit", "off"), ("plan_cache_mode", "force_custom_plan")];

    public async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        await using var writer = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var value in row)
            {
                await WriteAsync(writer, value, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// Plans every statement of the transaction for its parameters and the tables as they are (custom plans). Statements
    /// are prepared (see <see cref="WithPreparedStatements"/>), and after five runs PostgreSQL may keep one generic plan:
    /// an import's lookup of existing residents by 900 ID-number hashes, first run on a table still empty, was kept as a
    /// sequential scan, which then read every row the import had written so far — seconds per lookup by mid-file.
    /// </summary>
    public async Task BeginBulkWorkAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET LOCAL plan_cache_mode = force_custom_plan";
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetIdentityAsync(DbConnection connection, DbTransaction transaction, string table, string column, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), GREATEST((SELECT MAX(\"{column}\") FROM \"{table}\"), 1))";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken ct) => value switch
    {
        null => writer.WriteNullAsync(ct),
        string s => writer.WriteAsync(s, NpgsqlDbType.Text, ct),
        int i => writer.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long l => writer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        bool b => writer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        double d => writer.WriteAsync(d, NpgsqlDbType.Double, ct),
        DateOnly d => writer.WriteAsync(d, NpgsqlDbType.Date, ct),
        DateTime t => writer.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
        byte[] bytes => writer.WriteAsync(bytes, NpgsqlDbType.Bytea, ct),
        // A primitive collection of text (an offer's category codes), a text[] column.
        IEnumerable<string> texts => writer.WriteAsync(texts.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };
}
