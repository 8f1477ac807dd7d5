using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.App.Data;

/// <summary>
/// Reads and writes with SQL built from rule translations, on the context's own connection and transaction.
/// The text only ever comes from this assembly and the rule translator; every value is a parameter.
/// Raw SQL bypasses the jurisdiction filters, so each caller restricts by scope itself.
/// </summary>
public static class RawSql
{
    public static async Task<List<T>> QueryAsync<T>(
        CivicGridDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, sql, parameters, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public static async Task<int> ExecuteAsync(
        CivicGridDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, sql, parameters, ct);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<DbCommand> CommandAsync(
        CivicGridDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // text from this assembly and the rule translator only; values are parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
